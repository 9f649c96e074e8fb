using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Matching.Core.Domain;
using Matching.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matching.Data.Demo;

/// <summary>
/// Builds the demo rows in a fixed order of draws from one <see cref="Random"/> and writes them in four phases
/// (each phase needs the generated keys of the previous one), all inside the caller's transaction.
/// </summary>
internal sealed partial class DemoGenerator(DemoReference reference, DemoOptions options, TextWriter log)
{
    private readonly Random _rng = new(options.Seed);
    private readonly DateOnly _today = options.AnchorDate;
    private readonly DateTimeOffset _now = new(options.AnchorDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    private readonly Dictionary<string, int> _rows = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private List<RegionCities> _regions = [];
    private readonly List<Adviser> _advisers = [];
    private readonly List<string> _adviserCities = [];
    private readonly List<Mentor> _mentors = [];
    private readonly List<SeededEmployer> _employers = [];
    private readonly List<ServiceOffer> _offers = [];
    private readonly List<Candidate> _candidates = [];

    public async Task<Dictionary<string, int>> WriteAsync(MatchingDbContext db, CancellationToken ct)
    {
        _regions = ResolveRegions();

        AddAdvisers(db);
        AddMentors(db);
        AddEmployers(db);
        AddServiceOffers(db);
        await SaveAsync(db, "organisations", ct);

        AddVacancies(db);
        await SaveAsync(db, "vacancies", ct);

        var children = AddCandidates(db);
        await SaveAsync(db, "candidates", ct);
        await children.CopyAsync(db, ct);
        log.WriteLine($"demo: candidate details copied ({_clock.Elapsed.TotalSeconds:0.0} s).");

        AddMentorships(db);
        AddReferrals(db);
        await AddLoginsAsync(db, ct);
        await SaveAsync(db, "mentoring and logins", ct);
        return _rows;
    }

    private async Task SaveAsync(MatchingDbContext db, string phase, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.WriteLine($"demo: {phase} written ({_clock.Elapsed.TotalSeconds:0.0} s).");
    }

    private void Count(string table, int rows) => _rows[table] = _rows.GetValueOrDefault(table) + rows;

    // ---------------------------------------------------------------- geography

    private List<RegionCities> ResolveRegions()
    {
        var resolved = new List<RegionCities>();
        foreach (var region in DemoCatalogue.Regions)
        {
            var cities = region.Cities
                .Select(c => (City: reference.City(c.City), c.Weight))
                .Where(c => c.City is not null && c.City.RegionCode == region.Code)
                .Select(c => (c.City!, c.Weight))
                .ToList();
            if (cities.Count == 0)
                cities = reference.AllCities.Where(c => c.RegionCode == region.Code).Select(c => (c, 1.0)).ToList();
            if (cities.Count > 0) resolved.Add(new RegionCities(region, cities));
        }
        if (resolved.Count == 0) throw new MissingReferenceDataException("no city of the programme's regions");
        return resolved;
    }

    private RegionCities PickRegion() =>
        _rng.PickWeighted(_regions.Select(r => (r, r.Region.Weight)).ToList());

    private RegionCities RegionOf(string code) =>
        _regions[Math.Max(0, _regions.FindIndex(r => r.Region.Code == code))];

    /// <summary>A city of the region, preferring the sector's hiring cities when the region has some.</summary>
    private DemoCity PickCity(IReadOnlyList<(DemoCity City, double Weight)> cities, DemoSector? sector = null)
    {
        if (sector is not null)
        {
            var preferred = cities.Where(c => sector.PreferredCities.Any(p => DemoReference.Key(p) == DemoReference.Key(c.City.Name))).ToList();
            if (preferred.Count > 0) return _rng.PickWeighted(preferred);
        }
        return _rng.PickWeighted(cities);
    }

    private DemoCity? NamedCity(string name) => reference.City(name);

    // ---------------------------------------------------------------- organisations

    private void AddAdvisers(MatchingDbContext db)
    {
        var moroccan = DemoPeople.Origin("MA");
        foreach (var (agency, cityName) in DemoCatalogue.AnapecAgencies)
        {
            var female = _rng.Chance(0.55);
            var adviser = new Adviser
            {
                Name = $"{_rng.Pick(female ? moroccan.FemaleNames : moroccan.MaleNames)} {_rng.Pick(moroccan.LastNames)}",
                Agency = agency,
                CityId = NamedCity(cityName)?.Id,
                IsSynthetic = true,
            };
            _advisers.Add(adviser);
            _adviserCities.Add(cityName);
        }
        db.Advisers.AddRange(_advisers);
        Count("advisers", _advisers.Count);
    }

    private void AddMentors(MatchingDbContext db)
    {
        for (var i = 0; i < 20; i++)
        {
            // Most mentors are Moroccan volunteers; some are former beneficiaries.
            var origin = _rng.Chance(0.7) ? DemoPeople.Origin("MA") : _rng.Pick(DemoPeople.Origins);
            var female = _rng.Chance(0.5);
            _mentors.Add(new Mentor
            {
                Name = $"{_rng.Pick(female ? origin.FemaleNames : origin.MaleNames)} {_rng.Pick(origin.LastNames)}",
                Organisation = DemoTexts.MentorOrganisations[i % DemoTexts.MentorOrganisations.Length],
                IsSynthetic = true,
            });
        }
        db.Mentors.AddRange(_mentors);
        Count("mentors", _mentors.Count);
    }

    private void AddEmployers(MatchingDbContext db)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddEmployer(db, names, "Atlas Offshore Services", "offshoring", RegionOf("REGION_10"), CsrLabelStatus.Verified, ["Rabat", "Témara"], 12);
        AddEmployer(db, names, "BatiSud Construction", "construction", RegionOf("REGION_11"), CsrLabelStatus.Labelled, ["Agadir", "Inezgane"], 12);

        for (var i = 2; i < options.Employers; i++)
        {
            var region = PickRegion();
            var sector = DemoCatalogue.Sector(_rng.PickWeighted(region.Region.Sectors));
            var name = "";
            for (var attempt = 0; attempt < 20 && (name.Length == 0 || names.Contains(name)); attempt++)
            {
                name = $"{_rng.Pick(DemoCatalogue.CompanyRoots)} {_rng.Pick(sector.CompanyWords)}";
                if (_rng.Chance(0.5)) name += " " + _rng.Pick(DemoCatalogue.LegalForms);
            }
            if (names.Contains(name)) name += $" {i}";
            var label = _rng.PickWeighted<CsrLabelStatus>(
                [(CsrLabelStatus.Labelled, 55), (CsrLabelStatus.Verified, 25), (CsrLabelStatus.Applied, 12), (CsrLabelStatus.None, 6), (CsrLabelStatus.Expired, 2)]);
            AddEmployer(db, names, name, sector.Key, region, label, null, _rng.Between(1, 6));
        }
        Count("employers", _employers.Count);
        Count("employer_sites", _employers.Sum(e => e.Sites.Count));
    }

    private void AddEmployer(MatchingDbContext db, HashSet<string> names, string name, string sectorKey,
        RegionCities region, CsrLabelStatus label,
        string[]? siteCities, int size)
    {
        names.Add(name);
        var sector = DemoCatalogue.Sector(sectorKey);
        var employer = new Employer
        {
            Name = name,
            Sector = sector.NameFr,
            CsrLabel = label,
            CsrLabelDate = label switch
            {
                CsrLabelStatus.Labelled or CsrLabelStatus.Verified => _today.AddDays(-_rng.Between(30, 1000)),
                CsrLabelStatus.Expired => _today.AddDays(-_rng.Between(1200, 1800)),
                _ => null,
            },
            IsSynthetic = true,
        };

        var cities = new List<DemoCity>();
        if (siteCities is not null)
            cities.AddRange(siteCities.Select(NamedCity).OfType<DemoCity>());
        if (cities.Count == 0)
        {
            cities.Add(PickCity(region.Cities, sector));
            var extra = _rng.PickWeighted<int>([(0, 55), (1, 30), (2, 15)]);
            for (var i = 0; i < extra; i++)
            {
                var city = PickCity(region.Cities);
                if (!cities.Contains(city)) cities.Add(city);
            }
        }
        var sites = cities.Select((city, i) => new EmployerSite
        {
            Name = i == 0 ? $"Siège — {city.Name}" : SiteName(sector, city),
            CityId = city.Id,
            Address = $"{_rng.Pick(DemoCatalogue.Streets)} {_rng.Between(1, 180)}, {city.Name}",
        }).ToList();
        employer.Sites.AddRange(sites);
        db.Employers.Add(employer);
        _employers.Add(new SeededEmployer(employer, sector, region.Region, sites, size));
    }

    private string SiteName(DemoSector sector, DemoCity city) => sector.Key switch
    {
        "agriculture" => _rng.Chance(0.5) ? $"Domaine de {city.Name}" : $"Station de conditionnement — {city.Name}",
        "hospitality" => $"Établissement de {city.Name}",
        "construction" => $"Chantier de {city.Name}",
        "retail" => $"Magasin de {city.Name}",
        "textile" or "automotive" => $"Usine de {city.Name}",
        _ => $"Site de {city.Name}",
    };

    private void AddServiceOffers(MatchingDbContext db)
    {
        foreach (var (provider, title, description, cityName) in DemoTexts.ServiceOffers)
        {
            var city = cityName is null ? null : NamedCity(cityName);
            _offers.Add(new ServiceOffer
            {
                Provider = provider,
                Title = city is null ? title : $"{title} — {city.Name}",
                Description = description,
                CityId = city?.Id,
                IsSynthetic = true,
            });
        }
        db.ServiceOffers.AddRange(_offers);
        Count("service_offers", _offers.Count);
    }

    // ---------------------------------------------------------------- vacancies

    private void AddVacancies(MatchingDbContext db)
    {
        var vacancies = new List<Vacancy>(options.Vacancies);
        // The two demo employers get twelve each (ten open) so that their portal is well filled.
        for (var i = 0; i < options.Vacancies; i++)
        {
            var owner = i < 24 ? _employers[i / 12] : _rng.PickWeighted(_employers.Skip(_employers.Count > 2 ? 2 : 0).Select(e => (e, (double)e.Size)).ToList());
            VacancyStatus? forced = i < 24 ? (i % 12 < 10 ? VacancyStatus.Open : null) : null;
            vacancies.Add(NewVacancy(owner.Employer, owner.Sites, owner.Sector, forced));
        }
        db.Vacancies.AddRange(vacancies);
        Count("vacancies", vacancies.Count);
        Count("vacancy_skills", vacancies.Sum(v => v.Skills.Count));
        Count("vacancy_languages", vacancies.Sum(v => v.Languages.Count));
    }

    private Vacancy NewVacancy(Employer employer, List<EmployerSite> sites, DemoSector sector, VacancyStatus? forcedStatus)
    {
        var occupation = _rng.Pick(reference.OccupationsBySector[sector.Key]);
        var site = _rng.Pick(sites);
        var city = reference.AllCities.First(c => c.Id == site.CityId);
        var internship = _rng.Chance(0.25);
        var status = forcedStatus ?? _rng.PickWeighted<VacancyStatus>(
            [(VacancyStatus.Open, 85), (VacancyStatus.Closed, 7), (VacancyStatus.Draft, 5), (VacancyStatus.Filled, 3)]);
        var createdDaysAgo = _rng.Between(1, 75);
        var positions = internship ? _rng.Skewed(1, Math.Max(1, sector.MaxPositions / 3), 1.5) : _rng.Skewed(1, sector.MaxPositions, 2.0);
        var contract = internship
            ? (_rng.Chance(0.8) ? ContractType.Internship : ContractType.Anapec)
            : sector.Seasonal && _rng.Chance(0.4) ? ContractType.Seasonal
            : _rng.PickWeighted<ContractType>([(ContractType.Cdi, 35), (ContractType.Cdd, 45), (ContractType.Anapec, 15), (ContractType.Freelance, sector.Key == "crafts" ? 15 : 2)]);
        var title = internship ? $"Stage — {occupation.Entry.TitleFr}" : occupation.Entry.TitleFr;

        var vacancy = new Vacancy
        {
            EmployerId = employer.Id,
            SiteId = site.Id,
            Kind = internship ? VacancyKind.Internship : VacancyKind.Job,
            Title = title,
            Description = internship
                ? $"{employer.Name} accueille {positions} stagiaire(s) « {occupation.Entry.TitleFr} » sur son site de {city.Name}, " +
                  $"pour un stage d'insertion de {_rng.Between(3, 12)} mois. Tutorat assuré, ouvert aux personnes migrantes, réfugiées et de retour."
                : $"{employer.Name} recrute {positions} « {occupation.Entry.TitleFr} » à {city.Name} ({ContractLabel(contract)}). " +
                  "Dans le cadre de son engagement RSE, le poste est ouvert aux personnes migrantes régularisées, réfugiées, demandeuses d'asile et de retour. Formation au poste assurée.",
            OccupationId = occupation.Id,
            OccupationLinkConfidence = 1.0,
            CityId = city.Id,
            ContractType = contract,
            Positions = positions,
            EducationMin = sector.EducationMin,
            Status = status,
            IsSynthetic = true,
            CreatedAt = _now.AddDays(-createdDaysAgo).AddMinutes(-_rng.Between(0, 600)),
        };
        (vacancy.StartsOn, vacancy.ClosesOn) = status switch
        {
            VacancyStatus.Open => (_today.AddDays(_rng.Between(7, 60)), _today.AddDays(_rng.Between(5, 45))),
            VacancyStatus.Draft => (_today.AddDays(_rng.Between(30, 90)), _today.AddDays(_rng.Between(30, 75))),
            _ => (_today.AddDays(-createdDaysAgo + _rng.Between(20, 40)), _today.AddDays(-_rng.Between(1, Math.Max(1, createdDaysAgo - 1)))),
        };
        if (vacancy.StartsOn < vacancy.ClosesOn) vacancy.StartsOn = vacancy.ClosesOn.Value.AddDays(_rng.Between(3, 21));

        foreach (var skillId in _rng.Sample(occupation.EssentialSkills, _rng.Between(5, 8)))
            vacancy.Skills.Add(new VacancySkill { SkillId = skillId, IsEssential = true });
        foreach (var skillId in _rng.Sample(occupation.OptionalSkills, _rng.Between(3, 5)))
            vacancy.Skills.Add(new VacancySkill { SkillId = skillId, IsEssential = false });

        foreach (var need in sector.Languages)
        {
            // Call centres always need French; back-office work needs less of it.
            var always = sector.Key == "offshoring" && need.Code == "fr";
            if (!always && !_rng.Chance(need.Probability)) continue;
            var level = need.MinLevel;
            if (always && occupation.Entry.TitleFr.Contains("back-office", StringComparison.Ordinal)) level = CefrLevel.B1;
            else if (_rng.Chance(0.15) && level < CefrLevel.C1) level++;
            vacancy.Languages.Add(new VacancyLanguage { Code = need.Code, MinLevel = level });
        }
        return vacancy;
    }

    private static string ContractLabel(ContractType contract) => contract switch
    {
        ContractType.Cdi => "CDI",
        ContractType.Cdd => "CDD",
        ContractType.Anapec => "contrat d'insertion ANAPEC",
        ContractType.Seasonal => "contrat saisonnier",
        ContractType.Freelance => "prestation indépendante",
        _ => "stage",
    };

    // ---------------------------------------------------------------- candidates

    private CandidateChildren AddCandidates(MatchingDbContext db)
    {
        var publicNumbers = new HashSet<int>();
        for (var i = 0; i < options.Candidates; i++)
        {
            int number;
            do number = _rng.Between(1000, Math.Max(99_999, options.Candidates * 10)); while (!publicNumbers.Add(number));
            _candidates.Add(NewCandidate(number));
        }
        // Only candidates and identities go through the change tracker (their keys are needed); the many child
        // rows are taken off the graph and copied in binary once the candidates have their ids.
        var children = CandidateChildren.Detach(_candidates);
        db.Candidates.AddRange(_candidates);
        Count("candidates", _candidates.Count);
        Count("candidate_identities", _candidates.Count);
        Count("candidate_languages", children.Languages.Count);
        Count("candidate_experiences", children.Experiences.Count);
        Count("candidate_skills", children.Skills.Count);
        Count("candidate_desired_occupations", children.DesiredOccupations.Count);
        Count("consents", children.Consents.Count);
        return children;
    }

    private Candidate NewCandidate(int publicNumber)
    {
        var status = _rng.PickWeighted(DemoPeople.Statuses);
        var origin = DemoPeople.Origin(_rng.PickWeighted(DemoPeople.NationalitiesByStatus[status]));
        var gender = _rng.PickWeighted<Gender>([(Gender.Male, status == MigrationStatus.Returnee ? 65 : 58), (Gender.Female, 40), (Gender.Undisclosed, 2)]);
        var female = gender == Gender.Female || gender == Gender.Undisclosed && _rng.Chance(0.5);
        var firstName = _rng.Pick(female ? origin.FemaleNames : origin.MaleNames);
        var lastName = _rng.Pick(origin.LastNames);
        var age = _rng.Skewed(18, 55, 1.7);
        var region = PickRegion();
        var sector = DemoCatalogue.Sector(_rng.PickWeighted(region.Region.Sectors));
        var city = PickCity(region.Cities, _rng.Chance(0.5) ? sector : null);
        var education = _rng.PickWeighted<IscedLevel>(
        [
            (IscedLevel.EarlyChildhood, 3), (IscedLevel.Primary, 14), (IscedLevel.LowerSecondary, 24), (IscedLevel.UpperSecondary, 27),
            (IscedLevel.PostSecondary, 8), (IscedLevel.ShortTertiary, 9), (IscedLevel.Bachelor, 11), (IscedLevel.Master, 4),
        ]);
        var createdDaysAgo = _rng.Between(1, 540);
        var createdAt = _now.AddDays(-createdDaysAgo).AddMinutes(-_rng.Between(0, 600));
        var adviserIndex = AdviserFor(city, region.Region.Code);

        var candidate = new Candidate
        {
            PublicNumber = publicNumber,
            Status = status,
            DocumentExpiresOn = status == MigrationStatus.Returnee ? null : DocumentExpiry(),
            Gender = gender,
            BirthYear = _today.Year - age,
            NationalityCode = origin.Code,
            RegionId = city.RegionId,
            CityId = city.Id,
            EducationLevel = education,
            EducationField = education >= IscedLevel.UpperSecondary && _rng.Chance(0.7) ? _rng.Pick(DemoPeople.EducationFields) : null,
            AvailableFrom = _today.AddDays(_rng.Between(-60, 60)),
            MobilityKm = _rng.PickWeighted<int>([(5, 8), (10, 15), (20, 20), (30, 22), (50, 15), (100, 12), (300, 8)]),
            Wants = age < 27
                ? _rng.PickWeighted<OpportunityKinds>([(OpportunityKinds.Job, 45), (OpportunityKinds.Job | OpportunityKinds.Internship, 35), (OpportunityKinds.Internship, 20)])
                : _rng.PickWeighted<OpportunityKinds>([(OpportunityKinds.Job, 75), (OpportunityKinds.Job | OpportunityKinds.Internship, 20), (OpportunityKinds.Internship, 5)]),
            IsActive = _rng.Chance(0.95),
            AdviserId = adviserIndex is { } a ? _advisers[a].Id : null,
            IsSynthetic = true,
            CreatedAt = createdAt,
            Identity = new CandidateIdentity
            {
                FirstName = firstName,
                LastName = lastName,
                Phone = _rng.Chance(0.95) ? $"+212 {_rng.Pick(["6", "7"])}{_rng.Between(0, 99_999_999):00000000}" : null,
                Email = _rng.Chance(0.85) ? $"{Ascii(firstName)}.{Ascii(lastName)}.{publicNumber}@example.org" : null,
            },
        };

        AddLanguages(candidate, origin, status);
        var occupations = AddDesiredAndExperiences(candidate, sector, origin, status, createdAt);
        AddSkills(candidate, occupations);
        AddConsents(candidate, createdAt, region.Region, adviserIndex);
        return candidate;
    }

    private DateOnly DocumentExpiry() => _rng.PickWeighted<int>([(0, 10), (1, 3), (2, 87)]) switch
    {
        0 => _today.AddDays(_rng.Between(0, 60)),   // to renew soon: advisers get a reminder
        1 => _today.AddDays(-_rng.Between(1, 90)),  // expired, renewal pending
        _ => _today.AddDays(_rng.Between(61, 900)),
    };

    /// <summary>The agency of the candidate's city, else the first agency of the region; a few have no adviser yet.</summary>
    private int? AdviserFor(DemoCity city, string regionCode)
    {
        if (_rng.Chance(0.05)) return null;
        var sameCity = _adviserCities.FindIndex(c => DemoReference.Key(c) == DemoReference.Key(city.Name));
        if (sameCity >= 0) return sameCity;
        var sameRegion = _adviserCities.FindIndex(c => NamedCity(c)?.RegionCode == regionCode);
        return sameRegion >= 0 ? sameRegion : null;
    }

    private void AddLanguages(Candidate candidate, DemoOrigin origin, MigrationStatus status)
    {
        var levels = new Dictionary<string, CefrLevel>();
        foreach (var spoken in origin.Languages)
        {
            if (levels.Count > 0 && !_rng.Chance(spoken.Probability)) continue;
            levels[spoken.Code] = (CefrLevel)_rng.Between((int)spoken.Min, (int)spoken.Max);
        }
        if (status != MigrationStatus.Returnee)
        {
            // Long-stay migrants pick up Darija, some Tamazight in the Souss; Spanish from the northern route.
            if (_rng.Chance(0.4)) levels.TryAdd("ary", (CefrLevel)_rng.Between((int)CefrLevel.A1, (int)CefrLevel.B2));
            if (_rng.Chance(0.03)) levels.TryAdd("zgh", CefrLevel.A1);
            if (_rng.Chance(0.08)) levels.TryAdd("es", (CefrLevel)_rng.Between((int)CefrLevel.A1, (int)CefrLevel.B1));
            if (!levels.ContainsKey("fr") && _rng.Chance(0.3)) levels["fr"] = (CefrLevel)_rng.Between((int)CefrLevel.A1, (int)CefrLevel.A2);
        }
        candidate.Languages.AddRange(levels.Select(l => new CandidateLanguage { Code = l.Key, Level = l.Value }));
    }

    /// <summary>Adds desired occupations and past experiences; returns the occupations worked in (first) and wanted.</summary>
    private List<(DemoOccupationRef Occupation, bool Worked)> AddDesiredAndExperiences(
        Candidate candidate, DemoSector sector, DemoOrigin origin, MigrationStatus status, DateTimeOffset createdAt)
    {
        var own = reference.OccupationsBySector[sector.Key];
        var desired = _rng.Sample(own, _rng.PickWeighted<int>([(1, 45), (2, 40), (3, 15)]));
        if (_rng.Chance(0.25))
        {
            var other = _rng.Pick(reference.OccupationsBySector[_rng.Pick(DemoCatalogue.Sectors).Key]);
            if (!desired.Contains(other)) desired.Add(other);
        }
        candidate.DesiredOccupations.AddRange(desired.Select(o => new CandidateDesiredOccupation { OccupationId = o.Id }));

        var result = new List<(DemoOccupationRef, bool)>();
        var experiences = _rng.PickWeighted<int>([(0, 15), (1, 40), (2, 30), (3, 15)]);
        var englishCv = origin.Code is "NG" or "GM" or "SS" || origin.Code is "SD" or "SY" or "YE" && _rng.Chance(0.3);
        var end = DateOnly.FromDateTime(createdAt.UtcDateTime).AddDays(-_rng.Between(0, 120));
        for (var i = 0; i < experiences; i++)
        {
            var occupation = _rng.Chance(0.7) ? _rng.Pick(desired) : _rng.Pick(own);
            var occupationSector = DemoCatalogue.Sectors.First(s => s.Occupations.Contains(occupation.Entry));
            var months = _rng.Between(3, 36);
            var start = end.AddMonths(-months);
            var country = status == MigrationStatus.Returnee
                ? (i == 0 && _rng.Chance(0.3) ? "MA" : _rng.PickWeighted(DemoPeople.ReturneeHostCountries))
                : (i == 0 && _rng.Chance(0.5) ? "MA" : origin.Code);
            candidate.Experiences.Add(new CandidateExperience
            {
                Title = englishCv ? occupation.Entry.TitleEn : CvTitle(occupation.Entry.TitleFr),
                OccupationId = occupation.Id,
                LinkConfidence = 1.0,
                Employer = _rng.Pick(DemoPeople.PastEmployersBySector[occupationSector.Key]),
                Country = country,
                StartedOn = start,
                EndedOn = i == 0 && _rng.Chance(0.2) ? null : end,
            });
            result.Add((occupation, true));
            end = start.AddDays(-_rng.Between(15, 300));
        }
        result.AddRange(desired.Select(o => (o, false)));
        return result;
    }

    /// <summary>A CV title as a person would type it: the inclusive forms of the vacancy title dropped.</summary>
    private string CvTitle(string titleFr)
    {
        var title = InclusiveSuffix().Replace(titleFr, "");
        return _rng.Chance(0.3) ? title.ToLowerInvariant() : title;
    }

    [GeneratedRegex(@"·\p{L}+")]
    private static partial Regex InclusiveSuffix();

    private void AddSkills(Candidate candidate, List<(DemoOccupationRef Occupation, bool Worked)> occupations)
    {
        var skills = new Dictionary<int, CandidateSkill>();
        foreach (var (occupation, worked) in occupations)
        {
            var essential = _rng.Sample(occupation.EssentialSkills, (int)Math.Round(occupation.EssentialSkills.Length * (worked ? 0.4 + 0.35 * _rng.NextDouble() : 0.15 + 0.2 * _rng.NextDouble())));
            var optional = _rng.Sample(occupation.OptionalSkills, (int)Math.Round(occupation.OptionalSkills.Length * 0.2 * _rng.NextDouble()));
            foreach (var skillId in essential.Concat(optional))
            {
                var level = worked ? _rng.Between(2, 4) : _rng.Between(1, 3);
                if (skills.TryGetValue(skillId, out var known))
                {
                    known.Level = Math.Max(known.Level, level);
                    continue;
                }
                if (skills.Count >= 25) continue;
                skills[skillId] = new CandidateSkill
                {
                    SkillId = skillId,
                    Level = level,
                    Source = _rng.PickWeighted<SkillSource>([(SkillSource.Declared, 70), (SkillSource.Assessed, 20), (SkillSource.Certified, 10)]),
                };
            }
        }
        candidate.Skills.AddRange(skills.Values);
    }

    private void AddConsents(Candidate candidate, DateTimeOffset createdAt, DemoRegion region, int? adviserIndex)
    {
        var recordedBy = adviserIndex is { } a ? _advisers[a].Name : "auto-inscription";
        DateTimeOffset Granted() => createdAt.AddHours(_rng.Between(0, 72));
        DateTimeOffset? Revoked(double probability, DateTimeOffset granted)
        {
            if (!_rng.Chance(probability)) return null;
            var span = Math.Max(1, (int)(_now - granted).TotalHours);
            return granted.AddHours(_rng.Between(1, span));
        }

        if (_rng.Chance(0.9))
        {
            var granted = Granted();
            candidate.Consents.Add(new Consent { Purpose = ConsentPurpose.Matching, GrantedAt = granted, RevokedAt = Revoked(0.04, granted), RecordedBy = recordedBy });
        }
        if (_rng.Chance(0.6))
        {
            var granted = Granted();
            candidate.Consents.Add(new Consent { Purpose = ConsentPurpose.FollowUp, GrantedAt = granted, RevokedAt = Revoked(0.05, granted), RecordedBy = recordedBy });
        }
        if (_rng.Chance(0.3))
        {
            var granted = Granted();
            candidate.Consents.Add(new Consent
            {
                Purpose = ConsentPurpose.ReferralToPartner,
                Partner = _rng.Pick([PartnerService.Ofppt, PartnerService.EntraideNationale, PartnerService.Association, PartnerService.Odco]),
                GrantedAt = granted, RevokedAt = Revoked(0.03, granted), RecordedBy = recordedBy,
            });
        }
        if (_rng.Chance(0.04))
        {
            var local = _employers.Where(e => e.Region == region).ToList();
            var employer = local.Count > 0 ? _rng.Pick(local).Employer : _employers[0].Employer;
            candidate.Consents.Add(new Consent
            {
                Purpose = ConsentPurpose.ShareIdentityWithEmployer,
                EmployerId = employer.Id,
                GrantedAt = _now.AddDays(-_rng.Between(0, 30)),
                RecordedBy = recordedBy,
            });
        }
    }

    private static string Ascii(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in DemoReference.Key(name))
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (ch == ' ' && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        return sb.ToString();
    }

    // ---------------------------------------------------------------- mentoring and referrals

    private void AddMentorships(MatchingDbContext db)
    {
        var count = Math.Min(300, _candidates.Count / 2);
        var mentees = _rng.Sample(_candidates, count);
        var mentorships = new List<Mentorship>(count);
        for (var i = 0; i < mentees.Count; i++)
        {
            // The demo mentor (the first one) follows a dozen mentees.
            var mentor = i < 12 ? _mentors[0] : _rng.Pick(_mentors);
            var started = _today.AddDays(-_rng.Between(10, 400));
            DateOnly? ended = _rng.Chance(0.3) && i >= 8 ? started.AddDays(_rng.Between(60, 300)) : null;
            if (ended > _today) ended = null;
            var mentorship = new Mentorship { MentorId = mentor.Id, CandidateId = mentees[i].Id, StartedOn = started, EndedOn = ended };
            var last = ended ?? _today;
            var entries = _rng.Between(2, 7);
            var span = Math.Max(1, last.DayNumber - started.DayNumber);
            var days = Enumerable.Range(0, entries).Select(_ => _rng.Between(0, span)).Order().ToList();
            for (var e = 0; e < entries; e++)
            {
                var kind = e == 0 ? LogbookEntryKind.Meeting
                    : ended is not null && e == entries - 1 ? LogbookEntryKind.Placement
                    : _rng.PickWeighted<LogbookEntryKind>([(LogbookEntryKind.Meeting, 35), (LogbookEntryKind.Training, 20), (LogbookEntryKind.Interview, 20), (LogbookEntryKind.FollowUp, 10), (LogbookEntryKind.Note, 15)]);
                var date = started.AddDays(days[e]);
                mentorship.Entries.Add(new LogbookEntry
                {
                    Date = date,
                    Kind = kind,
                    Text = e == 0 ? DemoTexts.FirstMeeting : _rng.Pick(DemoTexts.For(kind)),
                    CreatedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(_rng.Between(9, 18), _rng.Between(0, 59))), TimeSpan.Zero),
                });
            }
            mentorships.Add(mentorship);
        }
        db.Mentorships.AddRange(mentorships);
        Count("mentorships", mentorships.Count);
        Count("logbook_entries", mentorships.Sum(m => m.Entries.Count));
    }

    private void AddReferrals(MatchingDbContext db)
    {
        var referrals = new List<Referral>();
        foreach (var candidate in _rng.Sample(_candidates, Math.Min(40, _candidates.Count)))
        {
            var offer = _rng.Pick(_offers);
            referrals.Add(new Referral
            {
                CandidateId = candidate.Id,
                FromService = offer.Provider == PartnerService.Anapec ? PartnerService.Association : _rng.Chance(0.75) ? PartnerService.Anapec : PartnerService.Association,
                ToService = offer.Provider,
                ServiceOfferId = offer.Id,
                Reason = _rng.Pick(DemoTexts.ReferralReasons),
                Status = _rng.PickWeighted<ReferralStatus>([(ReferralStatus.Proposed, 30), (ReferralStatus.Accepted, 30), (ReferralStatus.Completed, 30), (ReferralStatus.Declined, 10)]),
                CreatedAt = _now.AddDays(-_rng.Between(1, 180)),
            });
        }
        db.Referrals.AddRange(referrals);
        Count("referrals", referrals.Count);
    }

    // ---------------------------------------------------------------- logins

    private async Task AddLoginsAsync(MatchingDbContext db, CancellationToken ct)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, ct);
        foreach (var name in Roles.All)
        {
            var normalized = name.ToUpperInvariant();
            if (roles.ContainsKey(normalized)) continue;
            var role = new IdentityRole { Id = _rng.NextGuid().ToString(), Name = name, NormalizedName = normalized, ConcurrencyStamp = _rng.NextGuid().ToString() };
            db.Roles.Add(role);
            roles[normalized] = role.Id;
            Count("roles", 1);
        }

        var existing = await db.Users.AsNoTracking().Select(u => u.NormalizedEmail).ToListAsync(ct);
        var hasher = new PasswordHasher<ApplicationUser>();
        var employerAccounts = 0;
        foreach (var (email, role, description) in DemoAccounts.All)
        {
            var user = new ApplicationUser
            {
                Id = _rng.NextGuid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = _rng.NextGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = _rng.NextGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = description,
                PreferredCulture = "fr",
            };
            switch (role)
            {
                case Roles.Employer:
                    user.EmployerId = _employers[Math.Min(employerAccounts++, _employers.Count - 1)].Employer.Id;
                    user.EmployerTeamRole = "HrManager";
                    break;
                case Roles.Adviser: user.AdviserId = _advisers[0].Id; break;
                case Roles.Mentor: user.MentorId = _mentors[0].Id; break;
            }
            if (existing.Contains(user.NormalizedEmail)) continue;
            user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role.ToUpperInvariant()] });
            Count("users", 1);
            Count("user_roles", 1);
        }
    }

    private sealed record RegionCities(DemoRegion Region, IReadOnlyList<(DemoCity City, double Weight)> Cities);

    /// <summary>An employer being generated, with what its vacancies are drawn from; Size weights its share of them.</summary>
    private sealed record SeededEmployer(Employer Employer, DemoSector Sector, DemoRegion Region, List<EmployerSite> Sites, int Size);
}
