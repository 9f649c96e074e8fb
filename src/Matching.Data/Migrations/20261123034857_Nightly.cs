using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class Nightly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "reference_date",
                table: "match_runs",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "run_key",
                table: "match_runs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "match_run_candidates",
                columns: table => new
                {
                    run_id = table.Column<int>(type: "integer", nullable: false),
                    candidate_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_run_candidates", x => new { x.run_id, x.candidate_id });
                    table.ForeignKey(
                        name: "fk_match_run_candidates_match_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "match_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_run_chunks",
                columns: table => new
                {
                    run_id = table.Column<int>(type: "integer", nullable: false),
                    chunk_no = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    vacancy_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    pairs_scored = table.Column<long>(type: "bigint", nullable: false),
                    rows_written = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_run_chunks", x => new { x.run_id, x.chunk_no });
                    table.ForeignKey(
                        name: "fk_match_run_chunks_match_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "match_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_match_runs_run_key",
                table: "match_runs",
                column: "run_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_match_runs_status_id",
                table: "match_runs",
                columns: new[] { "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_run_candidates");

            migrationBuilder.DropTable(
                name: "match_run_chunks");

            migrationBuilder.DropIndex(
                name: "ix_match_runs_run_key",
                table: "match_runs");

            migrationBuilder.DropIndex(
                name: "ix_match_runs_status_id",
                table: "match_runs");

            migrationBuilder.DropColumn(
                name: "reference_date",
                table: "match_runs");

            migrationBuilder.DropColumn(
                name: "run_key",
                table: "match_runs");
        }
    }
}
