package org.smartsession.model.protocol;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns JSON text into {@link Message}s and back with JSON-B. Thread-safe: one instance serves
 * every connection.
 */
public final class ProtocolCodec implements AutoCloseable {
  /** Every message type, as {@link Message}'s JSON-B mapping names them. */
  static final Set<String> TYPES =
      Arrays.stream(Message.class.getAnnotation(JsonbTypeInfo.class).value())
          .map(JsonbSubtype::alias)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Far deeper than any message (a frame nests two levels), far shallower than a parser's stack.
   */
  static final int MAX_NESTING = 32;

  private final Jsonb jsonb = JsonbBuilder.create();

  public String encode(Message message) {
    return jsonb.toJson(message);
  }

  /**
   * Reads one message. The happy path parses once; only a refused message is parsed again, to say
   * precisely what is wrong with it.
   *
   * @throws InvalidMessageException with a reason a client can act on; never a parser trace
   */
  public Message decode(String json) {
    if (JsonNesting.deeperThan(json, MAX_NESTING)) {
      throw new InvalidMessageException(
          ErrorCode.MALFORMED_JSON, "nested deeper than " + MAX_NESTING + " levels");
    }
    try {
      Message message = jsonb.fromJson(json, Message.class);
      if (message == null) {
        throw new InvalidMessageException(
            ErrorCode.MALFORMED_JSON, "a message must be a JSON object");
      }
      return message;
    } catch (JsonbException e) {
      InvalidMessageException invalid = findInvalid(e);
      if (invalid != null) {
        throw invalid;
      }
      String type = typeOf(json);
      if (!TYPES.contains(type)) {
        throw new InvalidMessageException(
            ErrorCode.UNKNOWN_TYPE, "unknown message type '" + abbreviate(type) + "'");
      }
      throw new InvalidMessageException(
          ErrorCode.INVALID_FIELD, type + ": a field has the wrong type or format", e);
    }
  }

  /** A client's text, as much of it as an answer should echo. */
  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private static String typeOf(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        throw new InvalidMessageException(
            ErrorCode.MALFORMED_JSON, "a message must be a JSON object");
      }
      if (!(object.get("type") instanceof JsonString name)) {
        throw new InvalidMessageException(
            ErrorCode.UNKNOWN_TYPE, "a message needs a string field 'type'");
      }
      return name.getString();
    } catch (JsonException e) {
      throw new InvalidMessageException(ErrorCode.MALFORMED_JSON, "not valid JSON", e);
    }
  }

  private static InvalidMessageException findInvalid(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidMessageException invalid) {
        return invalid;
      }
    }
    return null;
  }

  @Override
  public void close() throws Exception {
    jsonb.close();
  }
}
