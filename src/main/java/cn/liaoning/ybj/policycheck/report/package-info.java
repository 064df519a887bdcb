/** 报告输出：同一个结果模型，每种格式一个小的写出器（文本、JSON …）。 */
package cn.liaoning.ybj.policycheck.report;
