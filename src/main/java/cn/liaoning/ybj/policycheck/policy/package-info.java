/** 城市政策文件：按格式 v1 安全读取、校验并映射为不可变记录，每个值保留行列位置。 */
package cn.liaoning.ybj.policycheck.policy;
