package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.engine.WaiverUse.State;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Position;
import cn.liaoning.ybj.policycheck.policy.Waiver;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A city's waivers: which one may excuse a failure, and what became of each. */
final class Waivers {
  private Waivers() {}

  /** The waiver that may excuse a failure of an in-principle rule: approved and not expired. */
  static Waiver valid(CityPolicy policy, String ruleId, LocalDate asOf) {
    for (Waiver w : policy.waivers()) {
      if (ruleId.equals(w.rule()) && w.approvalRef() != null && !w.approvalRef().isBlank()
          && w.expires() != null && !w.expires().isBefore(asOf)) {
        return w;
      }
    }
    return null;
  }

  /**
   * What became of each waiver of the city on the day: honoured, unused, expired, lacking an
   * approval, or not waivable because the text in force is not an in-principle one.
   */
  static List<WaiverUse> uses(CityPolicy policy, Catalogue catalogue, LawAt law, LocalDate asOf, Set<String> used) {
    List<WaiverUse> out = new ArrayList<>();
    for (Waiver w : policy.waivers()) {
      Catalogue.Entry e = catalogue.get(w.rule());
      Position pos = policy.position(w.path());
      Integer line = pos == null ? null : pos.line();
      String expires = w.expires() == null ? null : w.expires().toString();
      State state;
      String msg;
      LawAt.Rule rule = e == null ? null : law.rule(e.id());
      Strength strength = rule == null ? null : rule.inForce() ? rule.strength() : e.strength();
      if (e == null || strength != Strength.IN_PRINCIPLE) {
        state = State.NOT_WAIVABLE;
        msg = "只有“原则上”类规则可以豁免；" + w.rule() + (e == null ? " 不在规则目录中"
            : (rule.inForce() ? " 基准日 " + asOf + " 所依条文规定为" : " 是") + strength.label + "规则，不能豁免");
      } else if (w.approvalRef() == null || w.approvalRef().isBlank()) {
        state = State.NO_APPROVAL;
        msg = "豁免缺少省级批准文号（approval_ref），不予采用";
      } else if (w.expires() == null) {
        state = State.NO_APPROVAL;
        msg = "豁免缺少有效期（expires），不予采用";
      } else if (w.expires().isBefore(asOf)) {
        state = State.EXPIRED;
        msg = "豁免已于 " + w.expires() + " 到期，不再采用";
      } else if (used.contains(w.path())) {
        state = State.HONOURED;
        msg = "豁免有效（" + w.approvalRef() + "，至 " + w.expires() + "）";
      } else {
        state = State.UNUSED;
        msg = "该规则没有需要豁免的违规：豁免未使用，可考虑删除";
      }
      out.add(new WaiverUse(w.rule(), w.approvalRef(), expires, state, msg, w.path(), line));
    }
    return out;
  }
}
