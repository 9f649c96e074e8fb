using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matching.Data.Migrations
{
    /// <summary>
    /// matches becomes a table LIST-partitioned by run, written cheaply with COPY: no surrogate id, no foreign keys,
    /// no index while a run writes (see MatchConfiguration for why each guarantee still holds), the explanation as
    /// json instead of jsonb. Every run's rows are kept: each run gets its partition, filled from the old table and
    /// indexed, whatever its status (a run that was still writing resumes where it was).
    /// </summary>
    public partial class MatchesPartitionedByRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                alter table matches rename to matches_unpartitioned;

                create table matches (
                    run_id integer not null,
                    vacancy_id integer not null,
                    rank integer not null,
                    candidate_id integer not null,
                    score double precision not null,
                    explanation_json json not null
                ) partition by list (run_id);

                -- Rows of runs that have no partition of their own (written through EF, as tests do); empty in production.
                create table matches_default partition of matches default;
                create unique index matches_default_run_vacancy_rank on matches_default (run_id, vacancy_id, rank);
                create unique index matches_default_run_vacancy_candidate on matches_default (run_id, vacancy_id, candidate_id);

                -- Called when a run starts, in the transaction that creates it.
                create function matches_create_partition(run integer) returns void language plpgsql as $$
                begin
                    execute format('create table if not exists %I partition of matches for values in (%s)', 'matches_run_' || run, run);
                end $$;

                -- Called once every chunk is written, before the run is published: the run's natural key
                -- (vacancy, rank) and the (vacancy, candidate) pair that readers look up, then fresh statistics.
                create function matches_index_partition(run integer) returns void language plpgsql as $$
                declare partition text := 'matches_run_' || run;
                begin
                    if to_regclass(partition) is null then return; end if;
                    execute format('create unique index if not exists %I on %I (vacancy_id, rank)', partition || '_vacancy_rank', partition);
                    execute format('create unique index if not exists %I on %I (vacancy_id, candidate_id)', partition || '_vacancy_candidate', partition);
                    execute format('analyze %I', partition);
                end $$;

                -- Removes a run's matches at once (detach, then drop) instead of deleting them row by row.
                create function matches_drop_partition(run integer) returns void language plpgsql as $$
                declare partition text := 'matches_run_' || run;
                begin
                    if to_regclass(partition) is null then return; end if;
                    execute format('alter table matches detach partition %I', partition);
                    execute format('drop table %I', partition);
                end $$;

                -- What the foreign keys' cascades did: deleting candidates, vacancies or runs deletes their matches.
                create function matches_delete_for_candidates() returns trigger language plpgsql as $$
                begin delete from matches m using deleted d where m.candidate_id = d.id; return null; end $$;
                create function matches_delete_for_vacancies() returns trigger language plpgsql as $$
                begin delete from matches m using deleted d where m.vacancy_id = d.id; return null; end $$;
                create function matches_delete_for_runs() returns trigger language plpgsql as $$
                begin delete from matches m using deleted d where m.run_id = d.id; return null; end $$;
                create trigger matches_delete_for_candidates after delete on candidates referencing old table as deleted
                    for each statement execute function matches_delete_for_candidates();
                create trigger matches_delete_for_vacancies after delete on vacancies referencing old table as deleted
                    for each statement execute function matches_delete_for_vacancies();
                create trigger matches_delete_for_runs after delete on match_runs referencing old table as deleted
                    for each statement execute function matches_delete_for_runs();

                do $$
                declare run integer;
                begin
                    for run in select distinct run_id from matches_unpartitioned order by run_id loop
                        perform matches_create_partition(run);
                        insert into matches (run_id, vacancy_id, rank, candidate_id, score, explanation_json)
                        select run_id, vacancy_id, rank, candidate_id, score, explanation_json::json from matches_unpartitioned where run_id = run;
                        perform matches_index_partition(run);
                    end loop;
                end $$;

                drop table matches_unpartitioned;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                alter table matches rename to matches_partitioned;
                create table matches (
                    id bigint generated by default as identity constraint pk_matches primary key,
                    run_id integer not null constraint fk_matches_match_runs_run_id references match_runs (id) on delete cascade,
                    candidate_id integer not null constraint fk_matches_candidates_candidate_id references candidates (id) on delete cascade,
                    vacancy_id integer not null constraint fk_matches_vacancies_vacancy_id references vacancies (id) on delete cascade,
                    score double precision not null,
                    rank integer not null,
                    explanation_json jsonb not null
                );
                insert into matches (run_id, candidate_id, vacancy_id, score, rank, explanation_json)
                select run_id, candidate_id, vacancy_id, score, rank, explanation_json::jsonb from matches_partitioned order by run_id, vacancy_id, rank;
                drop table matches_partitioned;
                create index ix_matches_candidate_id on matches (candidate_id);
                create index ix_matches_run_id_candidate_id on matches (run_id, candidate_id);
                create unique index ix_matches_run_id_vacancy_id_candidate_id on matches (run_id, vacancy_id, candidate_id);
                create index ix_matches_run_id_vacancy_id_rank on matches (run_id, vacancy_id, rank);
                create index ix_matches_vacancy_id on matches (vacancy_id);
                drop trigger matches_delete_for_candidates on candidates;
                drop trigger matches_delete_for_vacancies on vacancies;
                drop trigger matches_delete_for_runs on match_runs;
                drop function matches_delete_for_candidates(), matches_delete_for_vacancies(), matches_delete_for_runs(),
                    matches_create_partition(integer), matches_index_partition(integer), matches_drop_partition(integer);
                """);
        }
    }
}
