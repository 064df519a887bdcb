package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.AllowancePayer;
import cn.liaoning.ybj.policycheck.policy.Facts.TransferSide;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** {@code maternity}: maternity-insurance rate and benefits. */
@ClassReactive
public record Maternity(
    Double ratePct,
    Boolean baseSameAsEmployee,
    Boolean childbirthFollowsTierStandard,
    String allowanceBasis,
    Boolean allowanceForRetirees,
    Double individualRatePct,
    AllowancePayer allowancePaidBy,
    TransferSide transferBeforeBirthPaidBy,
    TransferSide transferAfterBirthPaidBy) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Maternity o
        && Objects.equals(ratePct, o.ratePct)
        && Objects.equals(baseSameAsEmployee, o.baseSameAsEmployee)
        && Objects.equals(childbirthFollowsTierStandard, o.childbirthFollowsTierStandard)
        && Objects.equals(allowanceBasis, o.allowanceBasis)
        && Objects.equals(allowanceForRetirees, o.allowanceForRetirees)
        && Objects.equals(individualRatePct, o.individualRatePct)
        && Objects.equals(allowancePaidBy, o.allowancePaidBy)
        && Objects.equals(transferBeforeBirthPaidBy, o.transferBeforeBirthPaidBy)
        && Objects.equals(transferAfterBirthPaidBy, o.transferAfterBirthPaidBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ratePct, baseSameAsEmployee, childbirthFollowsTierStandard, allowanceBasis,
        allowanceForRetirees,
        individualRatePct, allowancePaidBy, transferBeforeBirthPaidBy, transferAfterBirthPaidBy);
  }
}
