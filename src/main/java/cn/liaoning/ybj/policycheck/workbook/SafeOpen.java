package cn.liaoning.ybj.policycheck.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens a workbook file for reading, after checking what it is: an .xlsx of bounded size and
 * entry count (a zip bomb is refused before Apache POI inflates anything, and POI's own limits
 * stop one that lies about its sizes), not an .xls, a CSV, a Numbers file, a password-protected
 * or a corrupt file — each of those gets a plain Chinese reason. The file is opened read-only.
 */
final class SafeOpen {
  private SafeOpen() {}

  /** A workbook that cannot be read, with the reason in words. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Largest workbook file accepted: a filled template is some tens of kilobytes. */
  static final long MAX_BYTES = 10L << 20;
  /** Most entries in the zip: a template has about twenty. */
  static final int MAX_ENTRIES = 500;
  /** Largest uncompressed size of one entry, and of all together. */
  static final long MAX_ENTRY_BYTES = 16L << 20;
  static final long MAX_TOTAL_BYTES = 64L << 20;

  static {
    // POI's checks while it inflates: entries that expand more than 100 times, or beyond the
    // size above, are refused even when the zip's directory understates them.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(MAX_ENTRY_BYTES);
  }

  static XSSFWorkbook open(Path file) throws Refused {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (Files.isDirectory(file)) {
      throw new Refused(ext.equals("numbers")
          ? "这是 Apple Numbers 文稿，不是 Excel 工作簿：请在 Numbers 中用“文件 → 导出为 → Excel”存为 .xlsx"
          : "这是一个目录，不是工作簿文件");
    }
    if (!Files.exists(file)) {
      throw new Refused(Files.isSymbolicLink(file) ? "符号链接无法解析" : "文件不存在");
    }
    if (!Files.isRegularFile(file)) {
      throw new Refused("不是普通文件");
    }
    byte[] head = new byte[8];
    int n;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new Refused(String.format(Locale.ROOT, "文件过大（%,d 字节），填报表上限为 %,d 字节", size, MAX_BYTES));
      }
      if (size == 0) {
        throw new Refused("文件为空（0 字节）");
      }
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
    } catch (IOException e) {
      throw new Refused("无法读取文件：" + reason(e));
    }
    if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
      throw new Refused(ole2(file));
    }
    if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
      throw new Refused(notZip(file, ext));
    }
    checkZip(file, ext);
    try {
      OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      try {
        return new XSSFWorkbook(pkg);
      } catch (RuntimeException | IOException e) {
        pkg.revert();
        throw e;
      }
    } catch (EncryptedDocumentException | OLE2NotOfficeXmlFileException e) {
      throw new Refused("工作簿有密码保护（已加密）：请在 Excel/WPS 中去掉打开密码后另存为 .xlsx");
    } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds")) {
        throw new Refused("文件解压后过大或压缩比异常（疑似 zip 炸弹），已拒绝读取");
      }
      if (m.contains("Strict OOXML")) {
        throw new Refused("这是“Strict Open XML”格式的工作簿：请在 Excel 中另存为普通的“Excel 工作簿 (*.xlsx)”");
      }
      throw new Refused("文件已损坏或不是有效的 .xlsx 工作簿，无法读取（" + e.getClass().getSimpleName() + "）");
    }
  }

  /** Counts and sizes from the zip's central directory, before POI reads anything. */
  private static void checkZip(Path file, String ext) throws Refused {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      int count = 0;
      long total = 0;
      boolean workbook = false;
      boolean numbers = false;
      Enumeration<? extends ZipEntry> en = zip.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new Refused("压缩包中的条目过多（超过 " + MAX_ENTRIES + " 个），不像填报表，已拒绝读取");
        }
        long size = e.getSize();
        if (size > MAX_ENTRY_BYTES || size >= 0 && (total += size) > MAX_TOTAL_BYTES) {
          throw new Refused("文件解压后过大（疑似 zip 炸弹），已拒绝读取");
        }
        String name = e.getName();
        workbook |= name.equals("xl/workbook.xml");
        numbers |= name.startsWith("Index/") && name.endsWith(".iwa");
      }
      if (numbers || ext.equals("numbers")) {
        throw new Refused("这是 Apple Numbers 文件，不是 Excel 工作簿：请在 Numbers 中用“文件 → 导出为 → Excel”存为 .xlsx");
      }
      if (!workbook) {
        throw new Refused("这是一个 zip 文件，但不是 Excel 工作簿（其中没有 xl/workbook.xml）" + (ext.equals("docx")
            || ext.equals("pptx") ? "：这是 Word/PowerPoint 文件" : ""));
      }
    } catch (ZipException e) {
      throw new Refused("文件已损坏（不是完整的 .xlsx/zip 文件），无法读取");
    } catch (IOException e) {
      throw new Refused("无法读取文件：" + reason(e));
    }
  }

  /** An OLE2 file: an encrypted .xlsx (password to open) or an old .xls. */
  private static String ole2(Path file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        return "工作簿有密码保护（已加密）：请在 Excel/WPS 中去掉打开密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx";
      }
      if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
        return "这是旧版 Excel 97–2003 工作簿（.xls）：请用本工具生成的 .xlsx 模板填写，或在 Excel/WPS 中另存为 .xlsx 后再导入";
      }
    } catch (IOException | RuntimeException e) {
      return "文件已损坏（旧版 Office 格式无法读取）";
    }
    return "这是旧版 Office 文件（不是 .xlsx 工作簿）";
  }

  private static String notZip(Path file, String ext) {
    if (ext.equals("csv") || ext.equals("txt") || ext.equals("tsv")) {
      return "这是文本文件（" + ext.toUpperCase(Locale.ROOT) + "），不是 Excel 工作簿：CSV 不含工作表、下拉列表和单元格格式，"
          + "请在本工具生成的 .xlsx 模板中填写";
    }
    if (ext.equals("xls")) {
      return "文件名是 .xls，但内容不是 Excel 97–2003 工作簿（文件已损坏或被改了扩展名）";
    }
    if (ext.equals("numbers")) {
      return "这是 Apple Numbers 文件，不是 Excel 工作簿：请在 Numbers 中用“文件 → 导出为 → Excel”存为 .xlsx";
    }
    try {
      byte[] b = Files.readAllBytes(file);
      String s = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8);
      if (s.chars().filter(c -> c == 0).count() == 0 && (s.contains(",") || s.contains("\t"))) {
        return "这是文本文件（CSV 等），不是 Excel 工作簿：请在本工具生成的 .xlsx 模板中填写";
      }
    } catch (IOException ignored) {
      // fall through to the general answer
    }
    return "不是 .xlsx 工作簿（文件已损坏，或是其他格式的文件）";
  }

  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "没有读取权限";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "不存在";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
