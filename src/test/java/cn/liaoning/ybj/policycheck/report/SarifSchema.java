package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 JSON Schema (draft-04), copied into the test resources
 * ({@code src/test/resources/schemas/sarif-schema-2.1.0.json}, the public errata01 schema) so that
 * SARIF output is validated in every clone, not only where a copy lies beside the project.
 */
public final class SarifSchema {
  /** The schema's place on the test class path. */
  public static final String RESOURCE = "/schemas/sarif-schema-2.1.0.json";

  private SarifSchema() {}

  /** What the schema finds wrong with {@code sarif}; empty when it is valid. */
  public static List<Error> validate(String sarif) throws IOException {
    try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, "SARIF schema missing from the test resources: " + RESOURCE);
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
      return schema.validate(sarif, InputFormat.JSON);
    }
  }
}
