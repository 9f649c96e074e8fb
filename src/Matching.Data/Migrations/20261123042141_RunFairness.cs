using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunFairness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "fairness_json",
                table: "match_runs",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "fairness_json",
                table: "match_runs");
        }
    }
}
