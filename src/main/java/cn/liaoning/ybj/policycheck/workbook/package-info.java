/**
 * The data-collection workbook: {@code policy-check template} writes one .xlsx per city file
 * (labels, units, ranges and drop-downs from the loader's schema), and {@code policy-check import}
 * reads a filled one back, checks every cell with the loader's rules and edits the city file in
 * place. The only package that uses Apache POI.
 */
package cn.liaoning.ybj.policycheck.workbook;
