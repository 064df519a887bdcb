/** In-place edits of YAML text that keep comments, key order, style and layout. */
package cn.liaoning.ybj.policycheck.yamledit;
