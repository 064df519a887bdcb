package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.DELETE;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.checkWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** B. 居民医保筹资: RES-COLLECTION-PERIOD, RES-SUBSIDY-DISBURSED. */
class ResidentFinancingRulesTest {
  private static final String START = "resident.collection_period.start_month";
  private static final String END = "resident.collection_period.end_month";
  private static final String BY = "resident.subsidy_disbursed_by";
  private static final String NEXT_YEAR = "resident.subsidy_disbursed_next_year";

  @Nested
  class CollectionPeriod {
    private static final String ID = "RES-COLLECTION-PERIOD";

    @Test
    void septemberToDecemberPasses() {
      Finding f = only(checkWith(START, 9, END, 12), ID);
      assertEquals(Status.PASS, f.status());
      assertEquals(END, f.path());
    }

    @Test
    void extensionToJanuaryWarnsAskingForJustification() {
      Finding f = only(checkWith(END, 1), ID);
      assertEquals(Status.WARNING, f.status());
      assertEquals(END, f.path());
      assertTrue(f.message().contains("确有必要"), f.message());
      assertEquals("9–次年1", f.actual());
    }

    @Test
    void extensionToFebruaryIsTheBoundaryAndOnlyWarns() {
      Finding f = only(checkWith(END, 2), ID);
      assertEquals(Status.WARNING, f.status());
      assertEquals(END, f.path());
    }

    @Test
    void extensionToMarchIsAViolation() {
      Finding f = only(checkWith(END, 3), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(END, f.path());
      assertEquals("9–次年3", f.actual());
      assertNotNull(f.deadline());
    }

    @Test
    void extensionToAugustIsAViolation() {
      assertEquals(Status.VIOLATION, only(checkWith(END, 8), ID).status());
    }

    @Test
    void endingBeforeDecemberIsAViolation() {
      Finding f = only(checkWith(END, 11), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(END, f.path());
    }

    @Test
    void startingInAugustOrOctoberIsAViolation() {
      Finding aug = only(checkWith(START, 8), ID);
      assertEquals(Status.VIOLATION, aug.status());
      assertEquals(START, aug.path());
      assertEquals("8–12", aug.actual());
      assertEquals(Status.VIOLATION, only(checkWith(START, 10), ID).status());
    }

    @Test
    void aWrongStartIsAViolationEvenWithoutAnEndMonth() {
      Finding f = only(checkWith(START, 10, END, null), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(START, f.path());
    }

    @Test
    void missingStartIsIndeterminate() {
      Finding f = only(checkWith(START, null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(START, f.path());
      Finding deleted = only(checkWith("resident.collection_period", DELETE), ID);
      assertEquals(Status.INDETERMINATE, deleted.status());
      assertEquals(START, deleted.path());
    }

    @Test
    void missingEndIsIndeterminate() {
      Finding f = only(checkWith(END, null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(END, f.path());
      assertEquals(Status.INDETERMINATE, only(checkWith(END, DELETE), ID).status());
    }

    @Test
    void anApprovedWaiverMakesTheViolationWaived() {
      Map<String, Object> waiver = Map.of(
          "rule", ID, "reason", "农村居民外出务工返乡较晚", "approval_ref", "辽医保函〔2026〕1号", "expires", "2027-12-31");
      Finding f = only(checkWith(END, 3, "waivers", List.of(waiver)), ID);
      assertEquals(Status.WAIVED, f.status());
      assertEquals("辽医保函〔2026〕1号", f.waiver());
    }
  }

  @Nested
  class SubsidyDisbursed {
    private static final String ID = "RES-SUBSIDY-DISBURSED";

    @Test
    void endOfDecemberIsTheBoundaryAndPasses() {
      Finding f = only(checkWith(BY, "12-31"), ID);
      assertEquals(Status.PASS, f.status());
      assertEquals(BY, f.path());
      assertEquals("12-31", f.actual());
    }

    @Test
    void earlierInTheYearPasses() {
      assertEquals(Status.PASS, only(checkWith(BY, "11-30", NEXT_YEAR, false), ID).status());
    }

    @Test
    void theNextDayIsInTheNextYearAndIsAViolation() {
      Finding f = only(checkWith(BY, "01-01", NEXT_YEAR, true), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(BY, f.path());
      assertEquals("次年 01-01", f.actual());
    }

    @Test
    void endOfDecemberOfTheNextYearIsAViolation() {
      assertEquals(Status.VIOLATION, only(checkWith(BY, "12-31", NEXT_YEAR, true), ID).status());
    }

    @Test
    void missingDateIsIndeterminate() {
      Finding f = only(checkWith(BY, null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(BY, f.path());
      assertEquals(Status.INDETERMINATE, only(checkWith(BY, DELETE), ID).status());
    }

    @Test
    void nextYearWithoutADayIsStillAViolation() {
      Finding f = only(checkWith(BY, null, NEXT_YEAR, true), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals("次年", f.actual());
    }
  }

  @Test
  void residentParametersNameTheirClauseAndUnit() {
    Parameters p = TestSupport.parameters();
    for (String key : List.of("res.collection.start_month", "res.collection.end_month",
        "res.collection.latest_extension_month", "res.subsidy.disbursed_by")) {
      Parameters.Parameter param = p.parameters().get(key);
      assertNotNull(param, key);
      assertNotNull(param.description(), key);
      assertNotNull(param.unit(), key);
      assertNotNull(p.clauses().get(param.clause()), key + " cites " + param.clause());
      assertNotNull(param.valueAt(TestSupport.AS_OF), key);
    }
  }
}
