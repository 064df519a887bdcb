package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.FundStatus;
import java.time.LocalDate;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** The city (or 省直) a file describes, and the facts about it that exceptions depend on. */
@ClassReactive
public record Jurisdiction(
    String city,
    String code,
    LocalDate policyDate,
    FundStatus employeeFund,
    FundStatus residentFund,
    boolean extensionApproved,
    String extensionRef) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Jurisdiction o
        && Objects.equals(city, o.city)
        && Objects.equals(code, o.code)
        && Objects.equals(policyDate, o.policyDate)
        && Objects.equals(employeeFund, o.employeeFund)
        && Objects.equals(residentFund, o.residentFund)
        && extensionApproved == o.extensionApproved
        && Objects.equals(extensionRef, o.extensionRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(city, code, policyDate, employeeFund, residentFund, extensionApproved, extensionRef);
  }
}
