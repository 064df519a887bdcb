package cn.liaoning.ybj.policycheck.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses YYYY-MM-DD, with a Chinese message for anything else. */
final class DateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("“" + value + "”不是有效日期，应为 YYYY-MM-DD（如 2026-06-30）");
    }
  }
}
