import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities; the INSERT is by hand: this database's deployment id, drawn once
 * here, from which the default queue prefix is derived (two databases sharing one Redis never share
 * queues). `queue_job_id`: the id under which the reconciler re-enqueued a row whose job id in
 * Redis was taken by a job not its own.
 */
export class AddDeploymentAndQueueJobId1796417944914 implements MigrationInterface {
  name = 'AddDeploymentAndQueueJobId1796417944914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "deployment" (
                "one_row" boolean NOT NULL DEFAULT true,
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_ee1f952fc81f37c6fea69c2e248" UNIQUE ("id"),
                CONSTRAINT "CHK_deployment_one_row" CHECK ("one_row"),
                CONSTRAINT "PK_17f246d7330d5640861742465c8" PRIMARY KEY ("one_row")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "deployment" DEFAULT VALUES
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox"
            ADD "queue_job_id" character varying(200)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox" DROP COLUMN "queue_job_id"
        `);
    await queryRunner.query(`
            DROP TABLE "deployment"
        `);
  }
}
