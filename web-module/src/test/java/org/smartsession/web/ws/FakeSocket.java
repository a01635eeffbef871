package org.smartsession.web.ws;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection as an endpoint sees it, for tests: a {@code jakarta.websocket.Session} that is
 * open until closed, keeps its closes, user properties and query, and hands what is sent through
 * its async remote to {@link #remote}; by default a text arrives at once.
 */
class FakeSocket {
  private static int count;

  final String id = "socket-" + ++count;
  final Map<String, Object> userProperties = new HashMap<>();
  final Map<String, List<String>> query = new HashMap<>();
  final List<String> sent = new ArrayList<>();
  final List<CloseReason> closes = new ArrayList<>();
  boolean open = true;
  final Session session;

  FakeSocket() {
    RemoteEndpoint.Async async =
        proxy(RemoteEndpoint.Async.class, (proxy, method, args) -> remote(method, args));
    session =
        proxy(
            Session.class,
            (proxy, method, args) ->
                switch (method) {
                  case "getAsyncRemote" -> async;
                  case "getUserProperties" -> userProperties;
                  case "getRequestParameterMap" -> query;
                  case "isOpen" -> open;
                  case "getId" -> id;
                  case "setMaxTextMessageBufferSize" -> null;
                  case "close" -> {
                    closes.add(args == null ? null : (CloseReason) args[0]);
                    open = false;
                    yield null;
                  }
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method);
                });
  }

  /** What the connection's async remote does with {@code method}: a text is sent at once. */
  Object remote(String method, Object[] args) throws Exception {
    if (method.equals("sendText") && args.length == 2) {
      sent.add((String) args[0]);
      ((SendHandler) args[1]).onResult(new SendResult());
      return null;
    }
    throw new UnsupportedOperationException(method);
  }

  FakeSocket with(String name, String value) {
    query.put(name, List.of(value));
    return this;
  }

  /** The messages sent, parsed. */
  List<JsonObject> messages() {
    return sent.stream().map(t -> Json.createReader(new StringReader(t)).readObject()).toList();
  }

  /** The errors sent, by code. */
  List<String> errorCodes() {
    return messages().stream()
        .filter(m -> "ERROR".equals(m.getString("type", null)))
        .map(m -> m.getString("code"))
        .toList();
  }

  /** The one close, its code and reason; fails unless there was exactly one. */
  CloseReason closedWith() {
    if (closes.size() != 1) {
      throw new AssertionError("closes: " + closes);
    }
    return closes.get(0);
  }

  private interface Handler {
    Object call(Object proxy, String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            FakeSocket.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> handler.call(proxy, method.getName(), args)));
  }
}
