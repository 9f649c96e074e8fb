using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkConfidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "link_confidence",
                table: "vacancy_skills",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "link_confidence",
                table: "candidate_skills",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "link_confidence",
                table: "candidate_desired_occupations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "candidate_desired_occupations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "link_confidence",
                table: "vacancy_skills");

            migrationBuilder.DropColumn(
                name: "link_confidence",
                table: "candidate_skills");

            migrationBuilder.DropColumn(
                name: "link_confidence",
                table: "candidate_desired_occupations");

            migrationBuilder.DropColumn(
                name: "title",
                table: "candidate_desired_occupations");
        }
    }
}
