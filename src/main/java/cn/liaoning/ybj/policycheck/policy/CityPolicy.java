package cn.liaoning.ybj.policycheck.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One city's policy as read from its file: the fact records the rules match, plus the document
 * they came from (for line numbers and sources).
 */
public record CityPolicy(
    String file,
    Doc doc,
    Jurisdiction jurisdiction,
    EmployeeContribution contribution,
    EmployeeBenefits employeeBenefits,
    List<HospitalClass> hospitalClasses,
    EmployeeLinkage linkage,
    Maternity maternity,
    ResidentScheme resident,
    CriticalIllness criticalIllness,
    ResidentWaiting residentWaiting,
    List<Waiver> waivers,
    List<Approval> approvals,
    List<Source> sources,
    Map<String, String> sourceRefs) {

  /**
   * @param sourceRefs the {@code source:} references the file makes, by the path of the mapping
   *     that carries them ("" for the file's top level), e.g. {@code employee} → {@code sy-guide}
   */
  public CityPolicy {
    sourceRefs = Map.copyOf(sourceRefs);
  }

  public String city() {
    return jurisdiction.city();
  }

  /**
   * Every record the rules match on; besides the file's own records, one {@link HospitalClasses}
   * per scheme and setting (empty when the file lists no such class).
   */
  public List<Object> facts() {
    List<Object> f = new ArrayList<>();
    f.add(jurisdiction);
    f.add(contribution);
    f.add(employeeBenefits);
    f.addAll(hospitalClasses);
    for (Facts.Scheme scheme : Facts.Scheme.values()) {
      for (Facts.Setting setting : Facts.Setting.values()) {
        List<HospitalClass> of = new ArrayList<>();
        for (HospitalClass c : hospitalClasses) {
          if (c.scheme() == scheme && c.setting() == setting) {
            of.add(c);
          }
        }
        f.add(new HospitalClasses(scheme, setting, of));
      }
    }
    f.add(linkage);
    f.add(maternity);
    f.add(resident);
    f.add(criticalIllness);
    f.add(residentWaiting);
    f.addAll(waivers);
    f.addAll(approvals);
    return f;
  }

  /** Line and column of a field, or of its nearest written ancestor. */
  public Position position(String path) {
    return path == null ? null : doc.positionOrAncestor(path);
  }

  /**
   * Where the value at {@code path} comes from: the nearest {@code source:} on it or an enclosing
   * mapping; otherwise the file's only source. Null when that cannot be told.
   */
  public Source sourceOf(String path) {
    String p = path == null ? "" : path;
    while (true) {
      String id = sourceRefs.get(p);
      if (id != null) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElse(new Source(id, null, null, null, null));
      }
      if (p.isEmpty()) {
        break;
      }
      p = Doc.parent(p);
    }
    return sources.size() == 1 ? sources.get(0) : null;
  }
}
