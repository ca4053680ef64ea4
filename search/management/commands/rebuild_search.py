"""`python manage.py rebuild_search`: rebuild the search index of every public page.

Rebuilds the embedded index (always) and, when ELASTICSEARCH_URL is set, recreates the
Elasticsearch index (settings, synonyms, mappings) and fills it. Safe to run at any time.
"""

from django.core.management.base import BaseCommand

from search import indexing
from search.engines import elastic_engine
from search.models import SearchDocument


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm (cơ sở dữ liệu, và Elasticsearch nếu có ELASTICSEARCH_URL)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Số trang mỗi lượt (mặc định 200).")

    def handle(self, *args, batch_size, **options):
        engine = elastic_engine()
        if engine is not None:
            self.stdout.write(f"Elasticsearch: tạo lại chỉ mục {engine.index_name} tại {engine.url}")
            engine.recreate()

        def progress(done, total):
            self.stdout.write(f"  {done}/{total} trang ({done * 100 // max(total, 1)}%)")

        self.stdout.write("Dựng lại chỉ mục tìm kiếm…")
        total = indexing.rebuild(progress=progress, batch_size=batch_size)
        self.stdout.write(
            self.style.SUCCESS(f"Xong: {total} trang công khai, {SearchDocument.objects.count()} tài liệu.")
        )
