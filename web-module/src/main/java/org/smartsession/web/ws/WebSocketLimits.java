package org.smartsession.web.ws;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import org.smartsession.engine.config.MessageLimits;

/**
 * Sets the WebSocket container's limit for messages that arrive in fragments, once, for every
 * socket of the application: past it the container closes the connection with 1009 as it assembles
 * them. Whole messages are checked where their text arrives ({@link MessageDecoder}).
 */
@WebListener
public class WebSocketLimits implements ServletContextListener {

  @Inject MessageLimits limits;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (event.getServletContext().getAttribute(ServerContainer.class.getName())
        instanceof ServerContainer container) {
      container.setDefaultMaxTextMessageBufferSize(limits.maxMessageBytes());
    }
  }
}
