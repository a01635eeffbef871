package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The far end of one connection for tests: a {@code jakarta.websocket.Session} that is open until
 * closed, records its closes, keeps user properties, and hands what is sent through its async
 * remote to {@link #remote}.
 */
abstract class FakeSocket {
  private static int count;

  final String id = "peer-" + ++count;
  final Map<String, Object> userProperties = new HashMap<>();
  final List<CloseReason> closes = new ArrayList<>();
  boolean open = true;
  final Session session;

  FakeSocket() {
    RemoteEndpoint.Async async =
        proxy(RemoteEndpoint.Async.class, (method, args) -> remote(method, args));
    session =
        proxy(
            Session.class,
            (method, args) ->
                switch (method) {
                  case "getAsyncRemote" -> async;
                  case "getUserProperties" -> userProperties;
                  case "isOpen" -> open;
                  case "getId" -> id;
                  case "close" -> {
                    closes.add(args == null ? null : (CloseReason) args[0]);
                    open = false;
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method);
                });
  }

  /** What the connection's async remote does with {@code method}. */
  abstract Object remote(String method, Object[] args) throws Exception;

  private interface Handler {
    Object call(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            FakeSocket.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> handler.call(method.getName(), args)));
  }
}
