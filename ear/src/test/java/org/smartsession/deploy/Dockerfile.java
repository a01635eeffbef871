package org.smartsession.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Dockerfile read as its instructions: continuation lines joined, comments left out. */
record Dockerfile(Path path, List<Instruction> instructions) {

  /** One instruction: its keyword in capitals and the rest of it as written. */
  record Instruction(String keyword, String arguments) {}

  /** A COPY's sources (relative to the build context) and its destination. */
  record Copy(List<String> sources, String destination) {}

  static Dockerfile read(Path path) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(path)) {
      String text = line.strip();
      if (current.length() == 0 && (text.isEmpty() || text.startsWith("#"))) {
        continue;
      }
      if (current.length() > 0 && text.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      if (text.endsWith("\\")) {
        current.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      current.append(text);
      String whole = current.toString().strip();
      current.setLength(0);
      int space = whole.indexOf(' ');
      instructions.add(
          new Instruction(
              whole.substring(0, space).toUpperCase(Locale.ROOT),
              whole.substring(space + 1).strip()));
    }
    return new Dockerfile(path, List.copyOf(instructions));
  }

  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  String from() {
    List<String> from = all("FROM");
    if (from.size() != 1) {
      throw new IllegalStateException(path + " has " + from.size() + " FROM instructions");
    }
    return from.get(0);
  }

  List<Copy> copies() {
    List<Copy> copies = new ArrayList<>();
    for (String arguments : all("COPY")) {
      List<String> words =
          Arrays.stream(arguments.split("\\s+")).filter(w -> !w.startsWith("--")).toList();
      copies.add(new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1)));
    }
    return copies;
  }

  /** Everything the image's instructions say, for options that may be set in ENV or RUN. */
  String text() {
    return String.join(
        "\n", instructions.stream().map(i -> i.keyword() + " " + i.arguments()).toList());
  }
}
