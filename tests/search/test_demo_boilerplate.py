"""On the seeded demo, words that only the pictures' generated alt text carries ("Ảnh minh họa:
mặt trời, biển và đảo, dùng cho …") find nothing: illustrative image text and credits are not
indexed (search.documents.image_text), while the pages' own words still are."""

import io

from django.core.management import call_command
from django.test import TestCase


class DemoBoilerplateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("seed_demo", stdout=io.StringIO())

    def search(self, q):
        response = self.client.get("/api/v1/search", {"q": q})
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()

    def test_illustration_words_find_nothing(self):
        for q in ("mặt trời", "mat troi", "không phải ảnh thật", "ảnh minh họa do hệ thống tạo"):
            answer = self.search(q)
            self.assertEqual(answer["count"], 0, (q, [i["title"] for i in answer["items"]]))
            self.assertIsNone(answer["corrected"], q)

    def test_page_text_is_still_found(self):
        self.assertGreater(self.search("ly son")["count"], 5)
        self.assertGreater(self.search("dân vận khéo")["count"], 0)
