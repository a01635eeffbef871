package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistorySamplerTest {

  @Test
  void onePointPerStudentPerInterval() {
    HistorySampler sampler = new HistorySampler(1_000, 60_000);
    assertTrue(sampler.isDue("S/a", 0));
    assertFalse(sampler.isDue("S/a", 999));
    assertTrue(sampler.isDue("S/b", 999), "another student");
    assertTrue(sampler.isDue("S/a", 1_000));
    assertFalse(sampler.isDue("S/a", 500), "an older frame");
  }

  @Test
  void studentsGoneLongerThanTheTimeToLiveAreForgotten() {
    HistorySampler sampler = new HistorySampler(1_000, 60_000);
    for (int i = 0; i < 100; i++) {
      sampler.isDue("S/gone-" + i, 0);
    }
    long later = 120_000;
    for (int i = 0; i < HistorySampler.SWEEP_EVERY; i++) {
      sampler.isDue("S/live", later + i);
    }
    assertEquals(1, sampler.size(), "only the live student is remembered");
  }
}
