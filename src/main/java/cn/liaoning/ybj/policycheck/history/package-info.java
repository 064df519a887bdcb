/** 整改进度：不检出而从 git 读取城市文件的每个历史状态，逐一检查，按城市、按提交给出违规、警告、待定和通过的数目及趋势图。 */
package cn.liaoning.ybj.policycheck.history;
