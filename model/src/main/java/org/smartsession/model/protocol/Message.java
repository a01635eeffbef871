package org.smartsession.model.protocol;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

/**
 * A message of the wire protocol. The {@code type} property of the JSON text names the message, so
 * one JSON-B mapping serves every endpoint and both directions.
 */
@JsonbTypeInfo(
    key = "type",
    value = {
      @JsonbSubtype(alias = VideoFrame.TYPE, type = VideoFrame.class),
      @JsonbSubtype(alias = Feedback.TYPE, type = Feedback.class),
      @JsonbSubtype(alias = SessionUpdate.TYPE, type = SessionUpdate.class),
      @JsonbSubtype(alias = CriticalAlert.TYPE, type = CriticalAlert.class),
      @JsonbSubtype(alias = AlertAcknowledged.TYPE, type = AlertAcknowledged.class),
      @JsonbSubtype(alias = Command.TYPE, type = Command.class),
      @JsonbSubtype(alias = ErrorMessage.TYPE, type = ErrorMessage.class),
      @JsonbSubtype(alias = Rate.TYPE, type = Rate.class)
    })
public sealed interface Message
    permits VideoFrame,
        Feedback,
        SessionUpdate,
        CriticalAlert,
        AlertAcknowledged,
        Command,
        ErrorMessage,
        Rate {}
