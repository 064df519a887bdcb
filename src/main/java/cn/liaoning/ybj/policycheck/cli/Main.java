package cn.liaoning.ybj.policycheck.cli;
public class Main { public static void main(String[] a) { System.out.println("hi"); } }
