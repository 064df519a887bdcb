package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The 说明 sheet: which city and file the workbook is for, and how to fill it in. */
final class Readme {
  private Readme() {}

  static void write(XSSFSheet sh, Styles st, Doc doc, String fileName) {
    sh.setColumnWidth(0, 14 * 256);
    sh.setColumnWidth(1, TEXT_WIDTH * 256);
    int r = 0;
    String regulation = Parameters.load().regulation().number();
    TemplateWriter.cell(sh.createRow(r++), 0, "辽宁省基本医疗保险政策参数填报表（对照 " + regulation + "）", st.title);
    r++;
    String city = doc.string("city");
    String stem = fileName.replaceAll("\\.ya?ml$", "");
    meta(sh.createRow(r++), st, Layout.META_CITY, city);
    meta(sh.createRow(r++), st, Layout.META_CODE, doc.string("code") == null ? "" : doc.string("code"));
    meta(sh.createRow(r++), st, Layout.META_FILE, fileName);
    meta(sh.createRow(r++), st, Layout.META_VERSION, Layout.VERSION);
    r++;
    for (String[] l : lines(city, fileName, stem, regulation)) {
      XSSFRow row = sh.createRow(r++);
      if (l.length == 1) {
        TemplateWriter.cell(row, 0, l[0], st.header);
        continue;
      }
      TemplateWriter.cell(row, 0, l[0], st.plain);
      TemplateWriter.cell(row, 1, l[1], st.wrap);
      row.setHeightInPoints(15f * lines(l[1]));
    }
    TemplateWriter.protect(sh);
  }

  /** Width of the text column, in characters of the default font ('0'); a Chinese character takes two. */
  private static final int TEXT_WIDTH = 96;

  /** Lines a text wraps to in the text column (an estimate: Excel does not size merged or wrapped rows by itself everywhere). */
  private static int lines(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); i++) {
      width += text.charAt(i) < 0x2E80 ? 1 : 2;
    }
    return Math.max(1, (width + TEXT_WIDTH - 5) / (TEXT_WIDTH - 4));
  }

  private static List<String[]> lines(String city, String fileName, String stem, String regulation) {
    return List.of(
        new String[] {"填写说明"},
        new String[] {"1", "本表用于填报" + city + "现行的职工医保、生育保险和居民医保政策参数。填好后由省级用 policy-check import 导入 city-policies/"
            + fileName + "，再用 policy-check check 对照" + regulation + "逐条检查。"},
        new String[] {"2", "只在浅黄色单元格中填写；其他单元格已锁定（工作表保护，没有密码）。请不要改工作表的名称、不要移动或删除列，也不要改“字段路径”列。"},
        new String[] {"3", "只填有正式文件依据的数值。不知道的请留空：留空表示“未知”，不会被当作 0，也不会被当作合规，检查时报告“待定”。"},
        new String[] {"4", "金额以元为单位写阿拉伯数字（15 万元写 150000）；百分比写百分数（8.6% 写 8.6）；有下拉箭头的单元格从列表中选择。不要填公式。"},
        new String[] {"5", "“来源”列写该数值出自的文件：从下拉列表选“来源”表中的标题，或写文件的文号。蓝色的分组行（如“职工医保缴费”）的来源和备注"
            + "适用于其下各项；某一项出自另一个文件时，在该项的“来源”列写明。"},
        new String[] {"6", "新的来源文件：在“来源”表的空行填写标题、发文机关、文号和日期（“编号”可不填，导入时自动生成）。"},
        new String[] {"7", "医院类别：在“职工住院”“职工门诊”“居民住院”“居民门诊”四张表中每类医院一行（如 三级、区属二级、一级及以下），"
            + "新增类别填在空行；“医院级别”选 一级及以下 / 二级 / 三级，即该类别对应的指导线级别。"},
        new String[] {"8", "“备注”列写数值取自来源的哪一节，或其他需要说明的情况；导入后成为文件中该项的注释。"},
        new String[] {"9", "保存为 .xlsx（不要另存为 .xls、.csv 或 .numbers）。已有的值在表中清空不会删除文件中的值，除非导入时明确要求清除。"},
        new String[] {"各工作表"},
        new String[] {"参数", "每项政策参数一行：项目、单位、当前值（已填入文件中的现值，空白为未知）、允许取值、依据条款（检查该项的规则及条款原文摘录）、"
            + "来源、备注、字段路径（导入时据此对应到文件中的字段，请勿改动）。"},
        new String[] {"按医院类别", "职工住院 / 职工门诊 / 居民住院 / 居民门诊：按医院类别的起付标准和支付比例，每类医院一行。"},
        new String[] {"来源", "数值出处的文件清单：标题、发文机关、文号、日期、编号。"},
        new String[] {"导入（省级）", "policy-check import " + stem + ".xlsx --dry-run 先查看将改动的每一项；无误后去掉 --dry-run 写入。"
            + "任何单元格有误时列出全部问题（工作簿!工作表!单元格），不写入任何文件。"});
  }

  private static void meta(XSSFRow row, Styles st, String label, String value) {
    TemplateWriter.cell(row, 0, label, st.header);
    TemplateWriter.cell(row, 1, value, st.plain);
  }
}
