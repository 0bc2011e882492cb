"""Example-based tests of redact(): per kind, what must be found and what must be left alone."""

from __future__ import annotations

from unittest import TestCase

from weerbaar.text.redaction import PLACEHOLDERS, Span, redact

# (text, expected redacted text)
FOUND: dict[str, list[tuple[str, str]]] = {
    "telefoon": [
        ("Bel 06-12345678.", "Bel [telefoon]."),
        ("Bel 06 1234 5678 even", "Bel [telefoon] even"),
        ("nummer: 0612345678", "nummer: [telefoon]"),
        ("06 12 34 56 78 is van hem", "[telefoon] is van hem"),
        ("app +31 6 12345678", "app [telefoon]"),
        ("app +31612345678", "app [telefoon]"),
        ("bel +31 (0)6 1234 5678", "bel [telefoon]"),
        ("bel 0031 6 12345678", "bel [telefoon]"),
        ("bel 0031612345678", "bel [telefoon]"),
        ("thuis 030-1234567", "thuis [telefoon]"),
        ("thuis 030 123 4567", "thuis [telefoon]"),
        ("thuis (030) 1234567", "thuis [telefoon]"),
        ("thuis 020 - 123 45 67", "thuis [telefoon]"),
        ("thuis 0201234567", "thuis [telefoon]"),
        ("thuis 0575-123456", "thuis [telefoon]"),
        ("(06-12345678)", "([telefoon])"),
        ("+31 20 123 4567 is het kantoor", "[telefoon] is het kantoor"),
        ("Belgisch nummer +32 470 12 34 56.", "Belgisch nummer [telefoon]."),
        ("familie in Marokko: +212 612-345678", "familie in Marokko: [telefoon]"),
        ("Duits: 0049 151 23456789", "Duits: [telefoon]"),
    ],
    "e-mail": [
        ("mail jan.de.vries@example.nl nu", "mail [e-mail] nu"),
        ("Stuur naar info+school@mijn-school.example.com.", "Stuur naar [e-mail]."),
        ("MAIL: A_B@X.NL", "MAIL: [e-mail]"),
    ],
    "bsn": [
        ("bsn 111222333", "bsn [bsn]"),
        ("BSN: 123456782.", "BSN: [bsn]."),
        ("nummer 123.456.782", "nummer [bsn]"),
        ("nummer 1234 56 782", "nummer [bsn]"),
    ],
    "iban": [
        ("rekening NL91 ABNA 0417 1643 00 graag", "rekening [iban] graag"),
        ("rekening NL91ABNA0417164300.", "rekening [iban]."),
        ("rekening nl91abna0417164300", "rekening [iban]"),
        ("Belgisch: BE68 5390 0754 7034", "Belgisch: [iban]"),
        ("Duits: DE89 3704 0044 0532 0130 00", "Duits: [iban]"),
    ],
    "postcode": [
        ("postcode 3511 AB", "postcode [postcode]"),
        ("postcode 3511AB", "postcode [postcode]"),
        ("postcode 3511ab", "postcode [postcode]"),
        ("woont op 3511AB 12", "woont op [postcode]"),
        ("woont op 3511 AB 12a.", "woont op [postcode]."),
        ("3511 AB Utrecht", "[postcode] Utrecht"),
    ],
    "adres": [
        ("Hij woont op Oudegracht 12.", "Hij woont op [adres]."),
        ("adres: Kerkstraat 5a, Utrecht", "adres: [adres], Utrecht"),
        ("in de Kerkstraat 5 A", "in de [adres]"),
        ("Van Welderenstraat 3 hoek", "[adres] hoek"),
        ("ze wonen aan de Biltstraat 120-2", "ze wonen aan de [adres]"),
        ("op de Amsterdamsestraatweg 400", "op de [adres]"),
        ("ik woon in kerkstraat 5", "ik woon in [adres]"),
        ("op Laan van Meerdervoort 12", "op [adres]"),
        ("Kerkstraat 5a, 3511 AB Utrecht", "[adres], [postcode] Utrecht"),
        ("Burgemeester Reigerstraat 8", "[adres]"),
        (
            "Ik woon op de Grote Kerkstraat 5. Grote Kerkstraat 5 is mooi.",
            "Ik woon op de [adres]. [adres] is mooi.",
        ),
        ("Op Kerkstraat 5 gebeurde het", "Op [adres] gebeurde het"),
    ],
    "account": [
        ("volg @kevin_2009 niet", "volg [account] niet"),
        ("insta: lisa.xx", "insta: [account]"),
        ("insta: lisa.xx.", "insta: [account]."),
        ("snap: daantje", "snap: [account]"),
        ("Snap: @daantje", "Snap: [account]"),
        ("tiktok: mila", "tiktok: [account]"),
        ("TikTok = mila_x", "TikTok = [account]"),
        ("zijn insta is daan.2010", "zijn insta is [account]"),
        ("op insta daan_2010 gezien", "op insta [account] gezien"),
        ("discord: kevin#1234", "discord: [account]"),
        ("berichten via snap (kevin.db09).", "berichten via snap ([account])."),
        ("zijn naam online is x_daan_x", "zijn naam online is [account]"),
        ("insta: insta: lisa", "insta: insta: [account]"),
    ],
    "url": [
        ("zie https://www.instagram.com/daan.x/", "zie [url]"),
        ("zie instagram.com/daan.x", "zie [url]"),
        ("zie https://www.tiktok.com/@mila/video/123", "zie [url]"),
        ("zie https://x.com/someone.", "zie [url]."),
        ("zie twitter.com/someone", "zie [url]"),
        ("zie https://facebook.com/profile.php?id=1000", "zie [url]"),
        ("join https://discord.gg/abcDEF", "join [url]"),
        ("groep t.me/geheimekanaal", "groep [url]"),
        ("zie https://www.youtube.com/@kanaalnaam", "zie [url]"),
        ("snap https://www.snapchat.com/add/daantje", "snap [url]"),
        ("https://chat.whatsapp.com/AbCdEf123 is de groep", "[url] is de groep"),
    ],
    "kenteken": [
        ("kenteken 12-ABC-3", "kenteken [kenteken]"),
        ("auto XX-99-XX", "auto [kenteken]"),
        ("scooter D-123-BB", "scooter [kenteken]"),
        ("auto 1-KBB-22 reed weg", "auto [kenteken] reed weg"),
        ("auto GJ-123-K", "auto [kenteken]"),
    ],
    "naam": [
        ("mijn leerling Daan wordt gepest", "mijn leerling [naam] wordt gepest"),
        ("zijn zus Fatima is bang", "zijn zus [naam] is bang"),
        ("meneer Jansen belde", "meneer [naam] belde"),
        ("mevrouw de Vries belde", "mevrouw [naam] belde"),
        ("Ik sprak Daan de Vries.", "Ik sprak [naam]."),
        ("Ik sprak Jan van der Berg.", "Ik sprak [naam]."),
        ("Het gaat om Fatima El Amrani.", "Het gaat om [naam]."),
        ("ik zag daan gisteren", "ik zag [naam] gisteren"),
        ("ik zag daan de vries gisteren", "ik zag [naam] gisteren"),
        ("Volgens Sanne is het waar", "Volgens [naam] is het waar"),
        ("Daan stuurde het door", "[naam] stuurde het door"),
        ("Ik zag Roos gisteren", "Ik zag [naam] gisteren"),
        ("mijn leerling mark zegt", "mijn leerling [naam] zegt"),
        ("mijn leerling Mark zegt", "mijn leerling [naam] zegt"),
        ("ze heet Noor", "ze heet [naam]"),
        ("hij heet Xandro", "hij heet [naam]"),
        ("juf Ilse zag het", "juf [naam] zag het"),
        ("Mohamed en Youssef werden bedreigd", "[naam] en [naam] werden bedreigd"),
        ("Zeynep Yilmaz en Emre Kaya", "[naam] en [naam]"),
        ("de Vries zei dat", "[naam] zei dat"),
        ("Daarna kwam Mark Bakker binnen.", "Daarna kwam [naam] binnen."),
        ("Mark Bakker kwam binnen.", "[naam] kwam binnen."),
        ("haar vriendin, Lotte, huilde", "haar vriendin, [naam], huilde"),
        ("wijkagent Hendriks weet ervan", "wijkagent [naam] weet ervan"),
        ("De leerlingen Daan en Sem", "De leerlingen [naam] en [naam]"),
        ("met Priya Ramdin", "met [naam]"),
        ("Mark zei dat Roos huilde.", "[naam] zei dat [naam] huilde."),
        ("Roos (14) wordt gepest.", "[naam] (14) wordt gepest."),
        ("Daan's telefoon is gehackt.", "[naam] telefoon is gehackt."),
        ("De Vries zei het.", "[naam] zei het."),
        ("Zijn moeder, mevrouw El Idrissi, belde.", "Zijn moeder, mevrouw [naam], belde."),
        ("Ze zit bij meneer De Graaf.", "Ze zit bij meneer [naam]."),
        ("We spraken met de vader van Ayoub.", "We spraken met de vader van [naam]."),
        ("Berichten van Kevin en Jayden op Discord.", "Berichten van [naam] en [naam] op Discord."),
        ("MIJN LEERLING DAAN", "MIJN LEERLING [naam]"),
        ("Pieter-Jan de Wit en Anne-Marie Jansen", "[naam] en [naam]"),
        ("een jongen genaamd Kevin de Boer", "een jongen genaamd [naam]"),
    ],
}

# Texts that hold no personal data and must come back unchanged.
UNCHANGED = [
    "De vergadering is op 06-12-2024 10:30 in lokaal 12.",
    "Op 12-03-2024 begon het.",
    "Ze hebben 1234 euro betaald en 250 volgers.",
    "Het artikel staat op https://nos.nl/artikel/2456789-jongeren-en-desinformatie.",
    "Meer informatie op www.rijksoverheid.nl/onderwerpen/jeugd.",
    "Ik geef de docent een mark voor zijn inzet.",
    "Een roos is rood.",
    "Van de week ging het mis in groep 8.",
    "Mark mijn woorden: dit gaat fout.",
    "In 2024 en 2025 zagen we meer meldingen.",
    "Het gebeurde in 2024 op school.",
    "Bel 112 bij acute nood of 0800-2000 voor Veilig Thuis.",
    "Het is 10 km verderop, 3 keer per week.",
    "Leerlingen delen een TikTok-filmpje dat zegt dat de vaccinaties chips bevatten.",
    "Op het schoolplein 2 jongens aan het vechten.",
    "Hij speelt Fortnite op de PlayStation in Utrecht.",
    "Er gaat een gerucht rond in Den Haag en Den Bosch.",
    "De COVID-19 maatregelen en de A12 waren in het nieuws.",
    "Ze kochten schoenen bij Albert Heijn.",
    "Bericht van de GGD: ook Veilig Thuis helpt.",
    "Het filmpje heeft 123456789 views.",
    "Er was ruzie op de Kerkstraat.",
    "Zaterdag 12 april om 14.30 uur.",
    "Lieve groet van de jongerenwerker",
    "Ben je bang? Ik ben er voor je.",
    "Het is 15 jan gebeurd.",
    "In de klas zit een jongen die alles filmt.",
    "Stuur het naar de mentor en de vertrouwenspersoon.",
    "[naam] stuurde [telefoon] naar [account].",
    "Tijdens de les Frans zat hij op TikTok.",
    "Er was een vechtpartij op de Dam in Amsterdam.",
    "Op 15 Jan begon het.",
    "Roos is rood, een mark is oud geld.",
    "De Bijenkorf en De Efteling zijn drukke plekken.",
    "We hebben Halt en Veilig Thuis ingeschakeld, ook de Kindertelefoon.",
    "Het filmpje van het Jeugdjournaal ging over Gaza en Israël.",
    "Het gebeurde in Amsterdam-West en Nieuw-West.",
    "Hij zegt dat Rutte en Wilders liegen.",
    "Versie v2.0 van de app, nr.12 op de lijst, foto.jpg, om 10.15 uur en 3.5 km.",
    "Hij deelt filmpjes van isis en Isis, de koeien staan in de wei.",
]


class RedactionExampleTests(TestCase):
    def test_it_finds_each_kind_of_personal_data(self) -> None:
        failures = []
        for kind, cases in FOUND.items():
            self.assertIn(kind, PLACEHOLDERS)
            for text, expected in cases:
                got = redact(text)
                if got.text != expected or kind not in {s.kind for s in got.spans}:
                    failures.append(f"{kind}: {text!r} -> {got.text!r}, expected {expected!r}")
        self.assertEqual(failures, [])

    def test_it_leaves_text_without_personal_data_alone(self) -> None:
        failures = []
        for text in UNCHANGED:
            got = redact(text)
            if got.text != text:
                failures.append(f"{text!r} -> {got.text!r}")
        self.assertEqual(failures, [])

    def test_it_reports_spans_in_the_original_text(self) -> None:
        text = "Daan (06-12345678) mailt daan@example.nl"
        result = redact(text)
        self.assertEqual(
            result.spans,
            (Span(0, 4, "naam"), Span(6, 17, "telefoon"), Span(25, 40, "e-mail")),
        )
        self.assertEqual([text[s.start : s.end] for s in result.spans][1], "06-12345678")
        self.assertEqual(result.spans[0].placeholder, "[naam]")

    def test_it_only_takes_a_bsn_that_passes_the_eleven_test(self) -> None:
        self.assertEqual(redact("nummer 123456782").text, "nummer [bsn]")
        self.assertEqual(redact("nummer 123456789").text, "nummer 123456789")

    def test_it_only_takes_an_iban_whose_checksum_holds(self) -> None:
        self.assertEqual(redact("NL91ABNA0417164300").text, "[iban]")
        self.assertEqual(redact("NL91ABNA0417164301").text, "NL91ABNA0417164301")

    def test_it_keeps_an_empty_text_empty(self) -> None:
        self.assertEqual(redact(""), redact(""))
        self.assertEqual(redact("").text, "")
        self.assertEqual(redact("").spans, ())
