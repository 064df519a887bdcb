/** 基线比对（CI 门禁）：从目录或 git 版本读取基线城市文件，找出变动的字段，并把每条结论分为新增、已修复或未变。 */
package cn.liaoning.ybj.policycheck.baseline;
