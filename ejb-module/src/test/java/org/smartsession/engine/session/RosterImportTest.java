package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.model.session.RosterEntry;

/** Rosters as teachers bring them: LMS exports, spreadsheets, lists typed into the page. */
class RosterImportTest {

  @Test
  void anExportWithAHeaderInAnyOrderOfColumns() {
    String csv =
        "\uFEFFName,Email,Student ID\r\n\"Perlman, Radia\",radia@uni.example,s100\r\n"
            + "Ken Thompson,ken@uni.example,s101\r\n";
    assertEquals(
        List.of(new RosterEntry("s100", "Perlman, Radia"), new RosterEntry("s101", "Ken Thompson")),
        RosterImport.parse(csv));
  }

  @Test
  void aPastedListWithCommasSemicolonsOrTabsOrJustIds() {
    assertEquals(
        List.of(new RosterEntry("s100", "Radia Perlman"), new RosterEntry("s101", "s101")),
        RosterImport.parse("s100, Radia Perlman\n\n s101 \n"));
    assertEquals(
        List.of(new RosterEntry("s100", "Radia Perlman")),
        RosterImport.parse("s100;Radia Perlman"));
    assertEquals(
        List.of(new RosterEntry("s100", "Radia Perlman")),
        RosterImport.parse("id\tname\ns100\tRadia Perlman\n"));
  }

  @Test
  void aBadLineIsNamedAndNothingIsImported() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RosterImport.parse("s100,Radia\nnot an id!,Mallory\n"));
    assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RosterImport.parse("  \n"));
    assertThrows(IllegalArgumentException.class, () -> RosterImport.parse("id,name\n"));
    assertThrows(
        IllegalArgumentException.class, () -> RosterImport.parse("s100," + "x".repeat(101)));
  }
}
