/** 法规即数据：规则目录（规则编号、强度、条款）与省级参数文件（阈值、指导线、期限、条款原文，按生效日期取值）。 */
package cn.liaoning.ybj.policycheck.regulation;
