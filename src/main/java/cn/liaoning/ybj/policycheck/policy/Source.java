package cn.liaoning.ybj.policycheck.policy;

/** A document a city file's values come from ({@code sources[i]}). */
public record Source(String id, String title, String issuer, String date, String url) {}
