package cn.liaoning.ybj.policycheck.workbook;

import static cn.liaoning.ybj.policycheck.testsupport.Cli.run;

import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test support: the command line, the bundled city files, and cells of a workbook found by field path. */
final class Books {
  private Books() {}


  /** The repository's city-policies/ (tests run in the project directory). */
  static final Path CITIES = Path.of("city-policies");

  /** A copy of every bundled city file in {@code dir}. */
  static Path copyCities(Path dir) {
    try {
      Path to = Files.createDirectories(dir.resolve("city-policies"));
      try (Stream<Path> s = Files.list(CITIES)) {
        for (Path p : s.toList()) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the workbooks of every file in {@code cities} into {@code out}. */
  static void templates(Path cities, Path out) {
    Run r = run("template", cities.toString(), "--out", out.toString());
    if (r.code() != 0) {
      throw new AssertionError("template failed: " + r.err());
    }
  }

  static XSSFWorkbook open(Path xlsx) {
    try (InputStream in = Files.newInputStream(xlsx)) {
      return new XSSFWorkbook(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void save(XSSFWorkbook wb, Path to) {
    try (OutputStream out = Files.newOutputStream(to)) {
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The row of the 参数 sheet for a field path. */
  static Row param(XSSFWorkbook wb, String path) {
    XSSFSheet sh = wb.getSheet("参数");
    for (Row r : sh) {
      Cell c = r.getCell(7);
      if (c != null && path.equals(c.getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no row for " + path);
  }

  /** The value cell (column C) of the 参数 sheet for a field path, created empty if needed. */
  static Cell value(XSSFWorkbook wb, String path) {
    Row r = param(wb, path);
    Cell c = r.getCell(2);
    return c == null ? r.createCell(2) : c;
  }

  static Cell cell(XSSFWorkbook wb, String sheet, int row, int col) {
    XSSFSheet sh = wb.getSheet(sheet);
    Row r = sh.getRow(row) == null ? sh.createRow(row) : sh.getRow(row);
    return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
  }

  /** The Excel row number (1-based, as in "C12") of a field's row. */
  static int excelRow(XSSFWorkbook wb, String path) {
    return param(wb, path).getRowNum() + 1;
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
