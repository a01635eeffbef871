package org.smartsession.engine.session;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.smartsession.model.protocol.Identifiers;
import org.smartsession.model.session.RosterEntry;

/**
 * A roster from what a teacher uploads or pastes: CSV as a spreadsheet or an LMS exports it (comma,
 * semicolon or tab between the fields; a header row naming an id column and a name column is
 * recognised and skipped), or one student per line as "id, name" or just "id". A bad line is
 * refused with its number, and then nothing is imported.
 */
public final class RosterImport {
  static final int MAX_NAME_LENGTH = 100;
  private static final Set<String> ID_HEADERS =
      Set.of("id", "studentid", "student id", "student_id", "matriculation", "username", "login");
  private static final Set<String> NAME_HEADERS =
      Set.of("name", "full name", "fullname", "student", "student name", "display name");

  private RosterImport() {}

  /**
   * @throws IllegalArgumentException naming the first bad line
   */
  public static List<RosterEntry> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the roster is empty: give one student per line");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<CSVRecord> records;
    try {
      records =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(delimiter(body))
              .setIgnoreEmptyLines(true)
              .setTrim(true)
              .get()
              .parse(new StringReader(body))
              .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the roster is not readable as CSV: " + e.getMessage());
    }
    int idColumn = 0;
    int nameColumn = 1;
    int first = 0;
    if (!records.isEmpty() && isHeader(records.get(0))) {
      CSVRecord header = records.get(0);
      idColumn = column(header, ID_HEADERS, 0);
      nameColumn = column(header, NAME_HEADERS, idColumn == 0 ? 1 : 0);
      first = 1;
    }
    List<RosterEntry> students = new ArrayList<>();
    for (int i = first; i < records.size(); i++) {
      CSVRecord r = records.get(i);
      String id = r.size() > idColumn ? r.get(idColumn) : "";
      String name = r.size() > nameColumn ? r.get(nameColumn) : "";
      if (id.isEmpty() && name.isEmpty()) {
        continue;
      }
      long line = r.getRecordNumber();
      if (!Identifiers.isValid(id)) {
        throw new IllegalArgumentException(
            "line "
                + line
                + ": '"
                + id
                + "' is not a student id (1 to 64 letters, digits or the characters _ . @ -)");
      }
      if (name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "line " + line + ": the name is longer than " + MAX_NAME_LENGTH + " characters");
      }
      students.add(new RosterEntry(id, name));
    }
    if (students.isEmpty()) {
      throw new IllegalArgumentException("the roster lists no student");
    }
    return students;
  }

  private static char delimiter(String text) {
    String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (firstLine.indexOf('\t') >= 0) {
      return '\t';
    }
    return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
  }

  private static boolean isHeader(CSVRecord first) {
    for (String cell : first) {
      if (ID_HEADERS.contains(cell.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static int column(CSVRecord header, Set<String> names, int otherwise) {
    for (int i = 0; i < header.size(); i++) {
      if (names.contains(header.get(i).toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return otherwise;
  }
}
