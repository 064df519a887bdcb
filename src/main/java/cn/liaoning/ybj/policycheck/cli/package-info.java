/** 命令行：policy-check 及其子命令；只有 main 调用 System.exit。 */
package cn.liaoning.ybj.policycheck.cli;
