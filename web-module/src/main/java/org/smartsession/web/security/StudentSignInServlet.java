package org.smartsession.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.smartsession.model.protocol.Identifiers;

/**
 * {@code GET /auth/student-sign-in/{sessionId}}: protected for anyone signed in at the provider
 * (see {@code web.xml}), so that the provider's sign-in runs first; then back to the session's
 * student page. The session is in the path, not the query: the standard OpenID Connect mechanism
 * (Soteria) fails restoring an original request that had a query string.
 */
@WebServlet("/auth/student-sign-in/*")
public class StudentSignInServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo();
    String sessionId = info == null ? "" : info.substring(1);
    String page = request.getContextPath() + "/student/";
    response.sendRedirect(Identifiers.isValid(sessionId) ? page + "?session=" + sessionId : page);
  }
}
