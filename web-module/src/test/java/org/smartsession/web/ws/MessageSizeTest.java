package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import org.junit.jupiter.api.Test;
import org.smartsession.model.protocol.VideoFrame;

/**
 * Messages over the size limit, however they arrived, are not parsed and close the connection with
 * 1009; the limit counts UTF-8 bytes, as the setting says.
 */
class MessageSizeTest {
  private static final int LIMIT = 1 << 20;
  private final MessageDecoder decoder = new MessageDecoder().withLimit(LIMIT);

  private static String frameOf(int base64Chars) {
    return "{\"type\":\"VIDEO_FRAME\",\"studentId\":\"S1\",\"sessionId\":\"S-1\",\"timestamp\":1,"
        + "\"frame\":\"data:image/jpeg;base64,"
        + "A".repeat(base64Chars)
        + "\"}";
  }

  @Test
  void aMessageUpToTheLimitIsRead() throws DecodeException {
    String text = frameOf(LIMIT - 200);
    assertTrue(text.length() <= LIMIT);
    assertInstanceOf(VideoFrame.class, decoder.decode(text));
  }

  @Test
  void aMessageOverTheLimitIsRefusedUnread() {
    DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(frameOf(LIMIT)));
    assertInstanceOf(OversizedMessage.class, e.getCause());
    assertTrue(e.getText().length() < 300, "the text is not kept whole");
  }

  @Test
  void bytesAreCountedInUtf8() {
    assertFalse(OversizedMessage.exceeds("é".repeat(512), 1024));
    assertTrue(OversizedMessage.exceeds("é".repeat(513), 1024));
    assertFalse(OversizedMessage.exceeds("€".repeat(341), 1024));
    assertTrue(OversizedMessage.exceeds("€".repeat(342), 1024));
    assertFalse(OversizedMessage.exceeds("😀".repeat(256), 1024));
    assertTrue(OversizedMessage.exceeds("😀".repeat(257), 1024));
    assertFalse(OversizedMessage.exceeds("a".repeat(1024), 1024));
    assertTrue(OversizedMessage.exceeds("a".repeat(1025), 1024));
  }

  @Test
  void anOversizedMessageClosesTheConnectionWithTooBig() {
    FakeSocket socket = new FakeSocket();
    Endpoints.opened(socket.session);
    DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(frameOf(LIMIT)));
    assertFalse(Endpoints.isRefusedMessage(e), "not answered: closed");
    Endpoints.failed(socket.session, e);
    CloseReason close = socket.closedWith();
    assertEquals(CloseReason.CloseCodes.TOO_BIG, close.getCloseCode());
    assertEquals("a message may have at most 1048576 bytes", close.getReasonPhrase());
  }
}
