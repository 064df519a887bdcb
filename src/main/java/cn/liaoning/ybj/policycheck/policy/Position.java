package cn.liaoning.ybj.policycheck.policy;

/** 1-based line and column of a value in its file. */
public record Position(int line, int column) {}
