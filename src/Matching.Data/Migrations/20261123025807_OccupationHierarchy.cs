using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class OccupationHierarchy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "broader_occupation_id",
                table: "occupations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_occupations_broader_occupation_id",
                table: "occupations",
                column: "broader_occupation_id");

            migrationBuilder.AddForeignKey(
                name: "fk_occupations_occupations_broader_occupation_id",
                table: "occupations",
                column: "broader_occupation_id",
                principalTable: "occupations",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_occupations_occupations_broader_occupation_id",
                table: "occupations");

            migrationBuilder.DropIndex(
                name: "ix_occupations_broader_occupation_id",
                table: "occupations");

            migrationBuilder.DropColumn(
                name: "broader_occupation_id",
                table: "occupations");
        }
    }
}
