"""The demo's invented register: realistic, deterministic, marked as illustrative, and every demo
award's level follows its signer (profile awards included)."""

import io

from django.core.management import call_command
from django.test import TestCase

from demo import register as demo_register
from exemplars.levels import infer_level
from exemplars.models import Award, AwardSource


class DemoRegisterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("seed_demo", stdout=io.StringIO())

    def test_levels_follow_signers(self):
        awards = list(Award.objects.all())
        self.assertGreater(len(awards), 300)
        for award in awards:
            implied = infer_level(award.issuer_as_printed)
            self.assertIsNotNone(implied, award.issuer_as_printed)
            self.assertEqual(award.resolved_level, implied, (award.issuer_as_printed, award.pk))
        # The example: a Giấy khen signed by a xã chairman is a xã award, not huyện.
        self.assertTrue(
            Award.objects.filter(
                award_type__name="Giấy khen", issuer_as_printed__startswith="Chủ tịch UBND xã", resolved_level="commune"
            ).exists()
        )
        self.assertFalse(Award.objects.filter(issuer_as_printed__contains="xã", resolved_level="district").exists())

    def test_the_invented_register_is_marked_and_spread(self):
        demo = Award.objects.filter(source=AwardSource.DEMO)
        self.assertEqual(demo.count(), len(demo_register.entries()))
        self.assertFalse(demo.filter(page__isnull=False).exists())
        self.assertEqual(set(demo.values_list("year", flat=True)), set(range(2014, 2025)))
        self.assertEqual(
            set(demo.values_list("resolved_level", flat=True)), {"national", "province", "district", "commune"}
        )
        self.assertEqual(set(demo.values_list("recipient_kind", flat=True)), {"individual", "collective", "household"})
        self.assertGreaterEqual(demo.values("award_type").distinct().count(), 10)
        self.assertTrue(all("Dữ liệu minh họa" in a for a in demo.values_list("achievement", flat=True)))
        # No xã signs after the xã were dissolved (1/2/2020).
        self.assertFalse(demo.filter(issuer_as_printed__contains="xã", decision_date__gte="2020-02-01").exists())
        # The same on every run.
        self.assertEqual(demo_register.entries(), demo_register.entries())

    def test_statistics_show_a_rising_share_of_direct_workers_and_say_the_data_is_invented(self):
        stats = self.client.get("/api/v1/stats/awards?from=2014&to=2024").json()
        shares = [row["share"] for row in stats["direct_workers"]["by_year"]]
        self.assertLess(shares[0], 30)
        self.assertGreater(shares[-1], 45)
        self.assertLess(sum(shares[:5]) / 5, sum(shares[-5:]) / 5)
        self.assertGreater(stats["illustrative"], 300)
        page = self.client.get("/thong-ke/").content.decode()
        self.assertIn("Dữ liệu minh họa", page)
        self.assertIn("2014–2024", page)

    def test_profile_awards_have_groups(self):
        profile_awards = Award.objects.filter(page__isnull=False)
        self.assertTrue(profile_awards.exists())
        self.assertFalse(profile_awards.filter(recipient_group="").exists())
        self.assertTrue(profile_awards.filter(recipient_group="fisher").exists())
