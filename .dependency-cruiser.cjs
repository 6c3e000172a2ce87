// The house's import rules, checked by `npm run lint:deps` (dependency-cruiser) in CI. CommonJS
// because dependency-cruiser loads its config with require(). Type-only imports count too
// (tsPreCompilationDeps): a type is still a dependency on the module that declares it.

/**
 * Module cycles that predate these rules, each the whole of a tangle to undo (debt, not design):
 * - auth ↔ users: auth reads the User entity and UserView/MeView; users calls AuthService (revoke
 *   sessions) and PasswordService;
 * - cases ↔ reminders: CaseWriter calls ReminderScheduler in every case transaction, and the
 *   Reminder entity's foreign key names the Case entity;
 * - cases ↔ documents: documents snapshot cases, and the case detail lists the documents a role
 *   may read (documents/document-types.ts, mayRead).
 * Cycles inside each group are tolerated; any cycle reaching a folder outside it is not. The
 * cases group includes its stage sub-folders (intake/, assignment/, clock/, sessions/, outcome/,
 * after-closure/): the case core at the root names intake's Party and CaseChild (two-sided
 * relations) and composes the stages (module, detail, messages), and two stage pairs still lean
 * on each other (clock ↔ assignment: accept starts the clock, expiry ends the assignment;
 * clock ↔ intake: extensions take intake's consent methods, intake checks dates on the clock).
 */
const KNOWN_FOLDER_CYCLES = [
  '^src/modules/(auth|users)(/|$)',
  '^src/modules/(cases|reminders|documents)(/|$)',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // The ground floor: common/ and config/ are what every feature module builds on. If they
      // imported a feature module (or the queue or HTTP layers built on top of them), a change in
      // one feature could break all the others, and nothing in common could be reused or tested
      // without the whole house. Where common needs a feature's help it declares a port (e.g.
      // REFUSED_ACCESS_SINK in common/scope) and the feature module provides it.
      name: 'ground-floor-imports-no-upper-floor',
      severity: 'error',
      from: { path: '^src/(common|config)/' },
      to: { path: '^src/(modules|queue|http)/' },
    },
    {
      // Folders must form layers: a cycle between two folders (two modules, common and a module)
      // means neither can be understood, tested or moved without the other.
      name: 'no-circular-folders',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/', pathNot: KNOWN_FOLDER_CYCLES },
      to: { circular: true },
    },
    // The known cycles' own rules: a cycle from one of their folders to any folder outside its
    // group is an error as well; only cycles inside the group are let through, until fixed.
    ...KNOWN_FOLDER_CYCLES.map((group) => ({
      name: 'no-circular-folders',
      severity: 'error',
      scope: 'folder',
      from: { path: group },
      to: { circular: true, pathNot: group },
    })),
    {
      // Between files too, a runtime import cycle makes ES module initialisation order matter
      // (a class used before its module has run: undefined at decoration time). Two kinds of
      // cycle are left out, honestly:
      // - type-only links (`import type`): erased by the compiler, they never run; today
      //   stats-schema.ts ↔ stats.service.ts and case-list.ts ↔ dto/list-cases.query.ts;
      // - cycles made of entities only: TypeORM's two-sided relations (Case ↔ Party,
      //   Case ↔ CaseChild) name each other and reach the other class lazily (`() => Party`).
      name: 'no-circular-runtime',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        circular: true,
        dependencyTypesNot: ['type-only'],
        viaOnly: { dependencyTypesNot: ['type-only'] },
        via: { pathNot: '\\.entity\\.ts$' },
      },
    },
    {
      // Controllers stay thin (house style: HTTP at the edge, a one-line call into a service):
      // they never hold the DataSource or any other ORM handle, so every query sits in a service
      // where it can be scoped, audited and tested. dependency-cruiser sees modules, not imported
      // names, so the closest it can say is: no controller imports typeorm or @nestjs/typeorm.
      name: 'controllers-no-orm',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '(^|/)node_modules/(typeorm|@nestjs/typeorm)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
