/** 参数调整的影响：读取并校验省级参数的调整方案（覆盖文件），在调整前后各检查一次每个城市，列出变化的结论及引起变化的参数。 */
package cn.liaoning.ybj.policycheck.impact;
