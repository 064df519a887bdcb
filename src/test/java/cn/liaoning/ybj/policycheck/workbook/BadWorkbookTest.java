package cn.liaoning.ybj.policycheck.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad workbook gets a clear Chinese error naming the file or the cell, exit status
 * 2, and the city file is left byte for byte as it was.
 */
class BadWorkbookTest {
  @TempDir static Path shared;
  static Path books;
  static Path cities;
  static byte[] dalian;

  @TempDir Path dir;

  @BeforeAll
  static void templates() {
    cities = Books.copyCities(shared);
    books = shared.resolve("books");
    Books.templates(cities, books);
    dalian = Books.bytes(cities.resolve("dalian.yaml"));
  }

  /** Imports {@code file}, expects a refusal that says {@code expected}, and an untouched city file. */
  private Run refused(Path file, String... expected) {
    Run r = Cli.run("import", file.toString(), "--dir", cities.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    for (String e : expected) {
      assertTrue(r.err().contains(e), "expected “" + e + "” in:\n" + r.err());
    }
    assertTrue(r.err().contains("未写入任何文件"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertArrayEquals(dalian, Books.bytes(cities.resolve("dalian.yaml")));
    try (Stream<Path> s = Files.list(cities)) {
      assertEquals(15, s.count(), "no temporary file left");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return r;
  }

  /** Dalian's template with one change, saved as dalian.xlsx. */
  private Path dalianWith(Consumer<XSSFWorkbook> change) {
    XSSFWorkbook wb = Books.open(books.resolve("dalian.xlsx"));
    change.accept(wb);
    Path p = dir.resolve("dalian.xlsx");
    Books.save(wb, p);
    return p;
  }

  private static String c(XSSFWorkbook wb, String path) {
    return "dalian.xlsx!参数!C" + Books.excelRow(wb, path);
  }

  @Test
  void textInAMoneyCellNamesTheCellTheLabelAndWhatWasMeant() {
    XSSFWorkbook[] keep = new XSSFWorkbook[1];
    Path p = dalianWith(wb -> {
      keep[0] = wb;
      Books.value(wb, "employee.annual_cap").setCellValue("15万");
    });
    refused(p, c(keep[0], "employee.annual_cap") + ": 错误: 职工医保统筹基金年度最高支付限额：所填应为数字，而不是“15万”"
        + "（金额以元为单位写阿拉伯数字：是否想写 150000？）");
  }

  @Test
  void everyBadCellIsListedAtOnce() {
    XSSFWorkbook[] keep = new XSSFWorkbook[1];
    Path p = dalianWith(wb -> {
      keep[0] = wb;
      Books.value(wb, "employee.contribution.employer_combined_rate_pct").setCellValue("8.6%");
      Books.value(wb, "maternity.rate_pct").setCellValue(150);
      Books.value(wb, "employee.linkage.interruption_suspend_from").setCellValue("下个月起");
      Books.cell(wb, "职工住院", 1, 1).setCellValue("四级");
      Books.cell(wb, "职工住院", 1, 0).setCellValue("一级");
      Books.param(wb, "employee").getCell(5).setCellValue("不存在的文件");
    });
    XSSFWorkbook wb = keep[0];
    Run r = refused(p,
        c(wb, "employee.contribution.employer_combined_rate_pct") + ": 错误: 用人单位缴费费率（含生育保险）：所填应为数字，而不是“8.6%”"
            + "（百分比直接写数字，如 8 表示 8%，不要加“%”：是否想写 8.6？）",
        c(wb, "maternity.rate_pct") + ": 错误: 生育保险缴费费率：所填的值 150 超出允许范围 0–100%",
        c(wb, "employee.linkage.interruption_suspend_from") + ": 错误: 中断缴费后暂停待遇的时间：“下个月起”不是可选的值，可选：",
        "dalian.xlsx!职工住院!B2: 错误: 职工住院医院类别 · 医院级别：“四级”不是可选的值，可选：一级及以下 / 二级 / 三级",
        "dalian.xlsx!参数!F" + Books.excelRow(wb, "employee") + ": 错误: 来源“不存在的文件”不在“来源”表中");
    assertTrue(r.err().contains("未写入任何文件：请改正以上 5 处问题"), r.err());
  }

  @Test
  void invisibleAndControlCharactersAreRefusedNotEchoed() {
    XSSFWorkbook[] keep = new XSSFWorkbook[1];
    Path p = dalianWith(wb -> {
      keep[0] = wb;
      Books.value(wb, "maternity.allowance_basis").setCellValue("本人缴费工资\u202E");
      Books.cell(wb, "职工门诊", 1, 0).setCellValue("三级\u200B");
    });
    Run r = refused(p, c(keep[0], "maternity.allowance_basis") + ": 错误: 生育津贴计发基数：含有不可见字符或控制字符 U+202E",
        "dalian.xlsx!职工门诊!A2: 错误: 职工门诊医院类别 · 类别名称：含有不可见字符或控制字符 U+200B");
    assertFalse(r.err().contains("\u200B") || r.err().contains("\u202E"), "nothing invisible reaches the terminal");
  }

  @Test
  void aDateWhereANumberBelongsIsNamed() {
    XSSFWorkbook[] keep = new XSSFWorkbook[1];
    Path p = dalianWith(wb -> {
      keep[0] = wb;
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Books.value(wb, "employee.annual_cap").setCellValue(java.time.LocalDate.of(2026, 1, 5));
      Books.value(wb, "employee.annual_cap").setCellStyle(date);
    });
    refused(p, c(keep[0], "employee.annual_cap") + ": 错误: 职工医保统筹基金年度最高支付限额：该单元格是日期（2026-01-05），而此项应为数字");
  }

  @Test
  void aFormulaIsNeverEvaluated() {
    XSSFWorkbook[] keep = new XSSFWorkbook[1];
    Path p = dalianWith(wb -> {
      keep[0] = wb;
      Books.value(wb, "employee.annual_cap").setCellFormula("75000*2");
    });
    refused(p, c(keep[0], "employee.annual_cap") + ": 错误: 职工医保统筹基金年度最高支付限额：该单元格是公式（=75000*2），本工具不计算公式");
  }

  @Test
  void aPercentageCellShowingEightPointSixPercentAsksForEightPointSix() {
    XSSFWorkbook[] keep = new XSSFWorkbook[1];
    Path p = dalianWith(wb -> {
      keep[0] = wb;
      CellStyle pct = wb.createCellStyle();
      pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
      Books.value(wb, "employee.contribution.employer_combined_rate_pct").setCellValue(0.086);
      Books.value(wb, "employee.contribution.employer_combined_rate_pct").setCellStyle(pct);
    });
    refused(p, "按百分比格式显示，存的是 0.086：百分比请写百分数，是否想写 8.6？");
  }

  @Test
  void anotherCitysWorkbookIsRefused() throws IOException {
    Path p = dir.resolve("dalian.xlsx");
    Files.copy(books.resolve("shenyang.xlsx"), p);
    refused(p, "dalian.xlsx: 错误: 这是沈阳市（shenyang.yaml）的工作簿，文件名却是 dalian.xlsx");
    Path q = dalianWith(wb -> wb.getSheet("说明").getRow(2).getCell(1).setCellValue("沈阳市"));
    refused(q, "这是沈阳市（2102）的工作簿，而 " + cities.resolve("dalian.yaml") + " 是大连市（2102）的文件");
  }

  @Test
  void aRenamedOrMissingSheetIsNamed() {
    Path renamed = dalianWith(wb -> wb.setSheetName(wb.getSheetIndex("参数"), "参数表"));
    refused(renamed, "dalian.xlsx: 错误: 缺少工作表“参数”", "是否被改名为“参数表”？");
    Path missing = dalianWith(wb -> wb.removeSheetAt(wb.getSheetIndex("来源")));
    refused(missing, "dalian.xlsx: 错误: 缺少工作表“来源”");
  }

  @Test
  void aMovedColumnIsFoundByItsHeader() {
    Path p = dalianWith(wb -> {
      var h = wb.getSheet("参数").getRow(0);
      h.getCell(2).setCellValue("允许取值");
      h.getCell(3).setCellValue("当前值");
    });
    refused(p, "dalian.xlsx!参数!C1: 错误: 表头应为“当前值”，这里是“允许取值”：列被移动");
  }

  @Test
  void filesThatAreNotAnXlsxWorkbookAreNamedForWhatTheyAre() throws IOException {
    Path xls = dir.resolve("dalian.xls");
    try (HSSFWorkbook h = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
      h.createSheet("参数");
      h.write(out);
    }
    refused(xls, "这是旧版 Excel 97–2003 工作簿（.xls）");

    Path csv = dir.resolve("dalian.csv");
    Files.writeString(csv, "项目,当前值\n职工医保统筹基金年度最高支付限额,150000\n", StandardCharsets.UTF_8);
    refused(csv, "这是文本文件（CSV），不是 Excel 工作簿");

    Path numbers = dir.resolve("dalian.numbers");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(numbers))) {
      z.putNextEntry(new ZipEntry("Index/Document.iwa"));
      z.write(new byte[] {1, 2, 3});
      z.closeEntry();
    }
    refused(numbers, "这是 Apple Numbers 文件，不是 Excel 工作簿");
  }

  @Test
  void aPasswordProtectedWorkbookIsRefused() throws Exception {
    Path plain = dir.resolve("plain.xlsx");
    Files.copy(books.resolve("dalian.xlsx"), plain);
    Path locked = dir.resolve("dalian.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE); OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      }
      try (OutputStream out = Files.newOutputStream(locked)) {
        fs.writeFilesystem(out);
      }
    }
    refused(locked, "工作簿有密码保护（已加密）");
  }

  @Test
  void aCorruptFileIsRefused() throws IOException {
    byte[] whole = Books.bytes(books.resolve("dalian.xlsx"));
    Path cut = dir.resolve("dalian.xlsx");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    refused(cut, "文件已损坏");
    Files.write(cut, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    refused(cut, "文件已损坏");
  }

  @Test
  void anOversizedFileOrAZipBombIsRefusedBeforeItIsInflated() throws IOException {
    Path big = dir.resolve("dalian.xlsx");
    byte[] head = Books.bytes(books.resolve("dalian.xlsx"));
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(head);
      out.write(new byte[(int) SafeOpen.MAX_BYTES]);
    }
    refused(big, "文件过大");

    // 40 MB of zeros in a few tens of kilobytes.
    Path bomb = dir.resolve("dalian.xlsx");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new ZipEntry("xl/workbook.xml"));
      z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 40; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertTrue(Files.size(bomb) < 200_000, "a small file");
    refused(bomb, "疑似 zip 炸弹");

    Path many = dir.resolve("dalian.xlsx");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(many))) {
      for (int i = 0; i < 2000; i++) {
        z.putNextEntry(new ZipEntry("xl/e" + i + ".xml"));
        z.closeEntry();
      }
    }
    refused(many, "条目过多");
  }

  @Test
  void aCityFileWithErrorsIsNotEdited() throws IOException {
    Path broken = shared.resolve("broken");
    Path brokenCities = Files.createDirectories(broken.resolve("city-policies"));
    Files.writeString(brokenCities.resolve("dalian.yaml"),
        Files.readString(cities.resolve("dalian.yaml")).replace("annual_cap: null", "annual_cap: 八万"));
    byte[] before = Books.bytes(brokenCities.resolve("dalian.yaml"));
    Run r = Cli.run("import", books.resolve("dalian.xlsx").toString(), "--dir", brokenCities.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("城市文件本身有误，请先改正再导入"), r.err());
    assertArrayEquals(before, Books.bytes(brokenCities.resolve("dalian.yaml")));
  }
}
