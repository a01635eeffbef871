package org.smartsession.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /auth/sign-out}: ends the teacher's session here and, through the OpenID Connect
 * mechanism's logout, at the provider where it offers RP-initiated logout; then back to the start.
 */
@WebServlet("/auth/sign-out")
public class SignOutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    if (!response.isCommitted()) {
      response.sendRedirect(request.getContextPath() + "/");
    }
  }
}
