package cn.liaoning.ybj.policycheck.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue and the parameter files: figures only in the parameters, strengths dated, every text cited. */
class LawAsDataTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  /** Every number any parameter takes, at any date and tier, as written (300, 8.6, 0). */
  static Set<String> parameterNumbers(Parameters p) {
    Set<String> out = new TreeSet<>();
    for (Parameters.Parameter param : p.parameters().values()) {
      for (Object v : param.values().values()) {
        if (v instanceof Double d) {
          out.add(plain(d));
        } else if (v instanceof Map<?, ?> m) {
          m.values().forEach(x -> out.add(plain((Double) x)));
        } else if (v instanceof String s) {
          Matcher n = NUMBER.matcher(s);
          while (n.find()) {
            out.add(plain(Double.parseDouble(n.group())));
          }
        } else if (v instanceof LocalDate d) {
          out.add(String.valueOf(d.getYear()));
          out.add(String.valueOf(d.getMonthValue()));
          out.add(String.valueOf(d.getDayOfMonth()));
        }
      }
    }
    return out;
  }

  static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** A digit in a summary that equals a parameter value is a threshold written in words: it must be a placeholder. */
  @Test
  void noSummaryWritesAParameterValueAsALiteral() {
    Parameters p = Parameters.load();
    Set<String> numbers = parameterNumbers(p);
    assertTrue(numbers.contains("300") && numbers.contains("80") && numbers.contains("2026"), numbers.toString());
    List<String> literal = new ArrayList<>();
    for (Catalogue.Entry e : Catalogue.load().entries().values()) {
      String outside = e.summaryTemplate().replaceAll("\\{[^}]*}", "");
      Matcher m = NUMBER.matcher(outside);
      while (m.find()) {
        if (numbers.contains(plain(Double.parseDouble(m.group())))) {
          literal.add(e.id() + ": " + m.group() + " in “" + e.summaryTemplate() + "”");
        }
      }
    }
    assertEquals(List.of(), literal);
  }

  @Test
  void summariesAreFilledInFromTheParametersInForce() {
    Parameters p = Parameters.load();
    Catalogue c = Catalogue.load().at(p, AS_OF);
    assertEquals("普通门诊统筹起付标准原则上不低于300元/年", c.get("EMP-OUTPATIENT-DEDUCT-MIN").summary());
    assertEquals("三级、二级、一级及以下住院支付比例原则上应分别达到80%、84%、88%（在职、退休）", c.get("EMP-INPATIENT-GUIDELINE").summary());
    assertEquals("居民医保财政补助资金每年12月31日前全部拨付到位", c.get("RES-SUBSIDY-DISBURSED").summary());
    assertTrue(c.get("EMP-PAYMENT-MONTHLY").summary().contains("1月1日"), c.get("EMP-PAYMENT-MONTHLY").summary());
    for (Catalogue.Entry e : c.entries().values()) {
      assertFalse(e.summary().contains("{") || e.summary().contains("}"), e.id() + ": " + e.summary());
    }
  }

  @Test
  void aPlaceholderFollowsTheParameterFile() {
    Parameters p = Parameters.load();
    assertEquals("不低于300元，辽医保规〔2025〕2号", SummaryText.render("不低于{emp.outpatient.deductible_min}元，{doc:2号}", p, AS_OF));
    assertEquals("88%", SummaryText.render("{emp.inpatient.guideline_pct.tier1}%", p, AS_OF));
    // Before the parameter takes effect, the value the text sets.
    assertEquals("300", SummaryText.render("{emp.outpatient.deductible_min}", p, LocalDate.of(2020, 1, 1)));
    assertThrows(IllegalStateException.class, () -> SummaryText.render("{emp.no_such_parameter}", p, AS_OF));
    assertThrows(IllegalStateException.class, () -> SummaryText.render("{doc:9号}", p, AS_OF));
  }

  @Test
  void everyParameterNamesItsClauseUnitAndDescription() {
    Parameters p = Parameters.load();
    for (Parameters.Parameter param : p.parameters().values()) {
      assertNotNull(param.description(), param.key());
      assertNotNull(param.unit(), param.key());
      assertNotNull(p.clauseText(param.clause()), param.key() + " cites " + param.clause());
      assertFalse(param.values().isEmpty(), param.key());
    }
    Param basis = p.factsAt(AS_OF).stream().filter(x -> x.key().equals("mat.allowance.basis")).findFirst().orElseThrow();
    assertNull(basis.value());
    assertEquals("employer_prev_year_avg_monthly_wage", basis.text());
  }

  /** The tolerance for 左右 is one parameter for all overall ratios and one for all tilts, and says it is a reading. */
  @Test
  void theToleranceOfAboutIsOneParameterWithANote() {
    Parameters p = Parameters.load();
    for (String key : List.of("about.overall_ratio_tolerance_points", "about.tilt_tolerance_points")) {
      Parameters.Parameter t = p.parameters().get(key);
      assertNotNull(t, key);
      assertTrue(t.note() != null && t.note().contains("解读"), key + ": " + t.note());
    }
    assertTrue(p.parameters().keySet().stream().noneMatch(k -> k.contains("tolerance") && !k.startsWith("about.")),
        "a second tolerance parameter: " + p.parameters().keySet());
  }

  @Test
  void clausesComeIntoForceWithTheirDocumentOrTheirOwnDate() {
    Parameters p = Parameters.load();
    assertEquals(LocalDate.of(2025, 6, 30), p.inForce("2号 二(一)5"));
    assertEquals(LocalDate.of(2024, 8, 9), p.inForce("3号 二(一)2"));
    assertEquals(LocalDate.of(2025, 1, 1), p.inForce("7号 二(三)"));
    assertEquals(LocalDate.of(2019, 12, 12), p.inForce("2号 一(三)2; 26号 二(二)"));
    assertEquals("3号 二(一)2", p.clauseInForce("2号 一(一)4; 3号 二(一)2", LocalDate.of(2025, 1, 1)));
    assertEquals("2号 一(一)4; 3号 二(一)2", p.clauseInForce("2号 一(一)4; 3号 二(一)2", AS_OF));
  }

  @Test
  void theEmployerBandHasADatedStrength() {
    Parameters p = Parameters.load();
    Catalogue.Entry band = Catalogue.load().get("EMP-RATE-EMPLOYER-BAND");
    List<Catalogue.InForce> h = band.history(p);
    assertEquals(2, h.size());
    assertEquals(new Catalogue.InForce(LocalDate.of(2024, 8, 9), Strength.IN_PRINCIPLE, "3号 二(一)2"), h.get(0));
    assertEquals(new Catalogue.InForce(LocalDate.of(2025, 6, 30), Strength.MANDATORY, "2号 一(一)4"), h.get(1));
    assertNull(band.inForceAt(p, LocalDate.of(2024, 8, 8)));
    assertEquals(Strength.MANDATORY, band.strength());
  }
}
