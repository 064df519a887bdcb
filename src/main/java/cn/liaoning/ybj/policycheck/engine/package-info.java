/** 规则引擎：把城市事实与省级参数送入 Drools，收集规则结论，并按规则强度、豁免和期限定出每条结果。 */
package cn.liaoning.ybj.policycheck.engine;
