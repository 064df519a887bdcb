package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.regulation.RuleResources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;

/** The compiled rules ({@code rules/*.drl}) and a way to run them over one city's facts. */
public final class RuleEngine {
  /** Metadata of one DRL rule. */
  public record RuleInfo(String name, String file, String ruleId, String clause) {}

  private final Future<KieBase> kieBase;
  private volatile List<RuleInfo> rules;
  private volatile Set<String> ruleIds;

  private RuleEngine(Future<KieBase> kieBase) {
    this.kieBase = kieBase;
  }

  private static boolean isQuery(KiePackage p, Rule r) {
    return p.getQueries().stream().anyMatch(q -> q.getName().equals(r.getName()));
  }

  /**
   * The executable model that kie-maven-plugin generated from {@code rules/*.drl} at build time:
   * this file names the generated model classes, one a line after a version header.
   */
  static final String MODEL_INDEX = "META-INF/kie/cn.liaoning.ybj/policy-check/drools-model";

  /** The rule base being built in the background by {@link #preload()}, if it was called. */
  private static FutureTask<KieBase> preloaded;

  /**
   * Starts building the rule base on a background thread, so that it overlaps with parsing the
   * command line and reading the YAML files (the machine's second core does it). The next
   * {@link #fromClasspath()} takes it over. Calling it more than once does nothing more.
   */
  public static synchronized void preload() {
    if (preloaded == null) {
      preloaded = startBuild();
    }
  }

  private static FutureTask<KieBase> startBuild() {
    FutureTask<KieBase> task = new FutureTask<>(RuleEngine::buildKieBase);
    Thread t = new Thread(task, "rule-base");
    t.setDaemon(true);
    t.start();
    return task;
  }

  /**
   * Loads the rules compiled at build time (the executable model generated from the DRL files
   * under {@code rules/}); no DRL is parsed or compiled at run time. The rule base is built on a
   * background thread; the first evaluation (or {@link #rules()}) waits for it.
   */
  public static RuleEngine fromClasspath() {
    FutureTask<KieBase> task;
    synchronized (RuleEngine.class) {
      task = preloaded;
      preloaded = null;
    }
    return new RuleEngine(task != null ? task : startBuild());
  }

  private static KieBase buildKieBase() {
    ClassLoader loader = RuleEngine.class.getClassLoader();
    List<Model> models = new ArrayList<>();
    for (String line : new String(RuleResources.read(MODEL_INDEX), StandardCharsets.UTF_8).split("\\R")) {
      String name = line.strip();
      if (name.isEmpty() || name.contains(":")) {
        continue; // blank line or the "Drools-Model-Version:" header
      }
      try {
        models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("executable rule model " + name + " cannot be loaded (rebuild with mvn package)", e);
      }
    }
    if (models.isEmpty()) {
      throw new IllegalStateException(MODEL_INDEX + " names no rule model (rebuild with mvn package)");
    }
    // Internal Drools API (org.drools.modelcompiler, org.drools.core.impl): kept to these two
    // calls, covered by tests. KieServices.get() is not used: its implementation lives in the
    // DRL compiler, which is not on the run-time class path.
    return KieBaseBuilder.createKieBaseFromModel(models, RuleBaseFactory.newKnowledgeBaseConfiguration());
  }

  /** The rule base, waiting for the background build if it is still running. */
  KieBase kieBase() {
    try {
      return kieBase.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the rules", e);
    }
  }

  /**
   * Runs every rule over the given facts (parameters and one city's records) and returns the
   * checks. The session comes from a pool: disposing returns it there, reset to the state of a
   * new session (empty working memory and agenda) but keeping its node memories, which a new
   * session would build again.
   */
  public List<Check> evaluate(Collection<?> facts) {
    KieSession session = pool().newKieSession();
    CheckCollector checks = new CheckCollector();
    session.addEventListener(checks);
    try {
      for (Object f : facts) {
        session.insert(f);
      }
      session.fireAllRules();
      return new ArrayList<>(checks.checks);
    } finally {
      session.removeEventListener(checks);
      session.dispose();
    }
  }

  /**
   * Collects the checks in working memory (in no particular order: the checker sorts). The rules insert
   * their conclusions logically: a check whose conditions stop holding (a fact was updated or
   * deleted) is withdrawn by the engine, and leaves the collection.
   */
  private static final class CheckCollector implements RuleRuntimeEventListener {
    final Set<Check> checks = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getObject() instanceof Check c) {
        checks.add(c);
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {}

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      if (event.getOldObject() instanceof Check c) {
        checks.remove(c);
      }
    }
  }

  /**
   * A session kept from one evaluation to the next, for checking many variants of one city in a
   * row (what-if sweeps, re-checking while a file is edited). Each evaluation updates only the
   * facts that differ from the previous evaluation's, at the same position of the list, and the
   * engine re-evaluates only the rules those facts reach; the checks whose conditions no longer
   * hold are withdrawn by truth maintenance. The result is the same as {@link #evaluate} on the
   * same facts (tested). Not thread-safe: one per thread. {@link #close()} disposes the session.
   */
  public Live live() {
    return new Live(kieBase().newKieSession());
  }

  /** See {@link #live()}. */
  public static final class Live implements AutoCloseable {
    private final KieSession session;
    private final CheckCollector collector = new CheckCollector();
    private final List<Object> facts = new ArrayList<>();
    private final List<FactHandle> handles = new ArrayList<>();

    private Live(KieSession session) {
      this.session = session;
      session.addEventListener(collector);
    }

    /**
     * Brings working memory to exactly the given facts and runs the rules. The returned view
     * changes with the next evaluation: copy what must be kept.
     */
    public Collection<Check> evaluate(List<?> next) {
      int common = Math.min(facts.size(), next.size());
      for (int i = 0; i < common; i++) {
        Object was = facts.get(i);
        Object now = next.get(i);
        if (was == now || was.equals(now)) {
          continue; // facts are immutable records: equal means nothing to re-evaluate
        }
        if (was.getClass() == now.getClass()) {
          session.update(handles.get(i), now);
        } else {
          session.delete(handles.get(i));
          handles.set(i, session.insert(now));
        }
        facts.set(i, now);
      }
      for (int i = facts.size() - 1; i >= next.size(); i--) {
        session.delete(handles.remove(i));
        facts.remove(i);
      }
      for (int i = common; i < next.size(); i++) {
        facts.add(next.get(i));
        handles.add(session.insert(next.get(i)));
      }
      session.fireAllRules();
      return Collections.unmodifiableCollection(collector.checks);
    }

    @Override
    public void close() {
      session.dispose();
    }
  }

  private volatile KieSessionsPool pool;

  private KieSessionsPool pool() {
    KieSessionsPool p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          pool = p = kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        }
      }
    }
    return p;
  }

  /** Runs every rule over the given facts in a new session, disposed afterwards (tests compare). */
  public List<Check> evaluateFresh(Collection<?> facts) {
    KieSession session = kieBase().newKieSession();
    try {
      for (Object f : facts) {
        session.insert(f);
      }
      session.fireAllRules();
      // Read back from working memory itself (not through the listener evaluate() uses).
      List<Check> out = new ArrayList<>();
      for (Object o : session.getObjects(o -> o instanceof Check)) {
        out.add((Check) o);
      }
      return out;
    } finally {
      session.dispose();
    }
  }

  /** Every DRL rule with its metadata (queries excluded). */
  public List<RuleInfo> rules() {
    List<RuleInfo> r = rules;
    if (r == null) {
      List<RuleInfo> list = new ArrayList<>();
      for (KiePackage p : kieBase().getKiePackages()) {
        for (Rule rule : p.getRules()) {
          Object id = rule.getMetaData().get("ruleId");
          Object clause = rule.getMetaData().get("clause");
          if (id == null && clause == null && isQuery(p, rule)) {
            continue;
          }
          list.add(new RuleInfo(rule.getName(), rule.getPackageName(), id == null ? null : id.toString(), clause == null ? null : clause.toString()));
        }
      }
      rules = r = List.copyOf(list);
    }
    return r;
  }

  /** The catalogue ids that at least one DRL rule encodes. */
  public Set<String> ruleIds() {
    Set<String> s = ruleIds;
    if (s == null) {
      Set<String> ids = new TreeSet<>();
      for (RuleInfo r : rules()) {
        if (r.ruleId() != null) {
          ids.add(r.ruleId());
        }
      }
      ruleIds = s = Collections.unmodifiableSet(ids);
    }
    return s;
  }
}
