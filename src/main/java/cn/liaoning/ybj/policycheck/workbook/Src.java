package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import java.util.ArrayList;
import java.util.List;

/**
 * A source document as the workbook shows it: one row of the 来源 sheet.
 *
 * @param index its position in the file's {@code sources} list, or -1 for a row the clerk added
 */
record Src(int index, String id, String title, String issuer, String number, String date) {
  /** How the workbook names the source in a 来源 cell: its 文号, else its title, else its id. */
  String display() {
    if (number != null && !number.isBlank()) {
      return number;
    }
    return title != null && !title.isBlank() ? title : id;
  }

  /** Whether a 来源 cell's text names this source: by 文号, title or id (blanks ignored). */
  boolean named(String text) {
    String t = squeeze(text);
    return !t.isEmpty() && (t.equals(squeeze(number)) || t.equals(squeeze(title)) || t.equals(squeeze(id)));
  }

  static String squeeze(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "");
  }

  /** The file's sources, in order. */
  static List<Src> of(Doc d) {
    List<Src> out = new ArrayList<>();
    for (int i = 0; i < Math.max(0, d.size("sources")); i++) {
      String p = "sources[" + i + "].";
      out.add(new Src(i, d.string(p + "id"), d.string(p + "title"), d.string(p + "issuer"), d.string(p + "number"),
          d.string(p + "date")));
    }
    return out;
  }

  /** The source with this id, or null. */
  static Src byId(List<Src> sources, String id) {
    for (Src s : sources) {
      if (s.id() != null && s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }
}
