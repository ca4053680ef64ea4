from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Phong trào thi đua"

    def ready(self):
        # Pages move the content generation through Wagtail's signals (core.invalidation); the
        # blocs and rankings are snippets, so their own saves and deletes must move it too.
        from core.invalidation import bump_on_change

        from .blocs import BlocMember, BlocPledge, BlocRanking, BlocScore, EmulationBloc

        bump_on_change(EmulationBloc, BlocMember, BlocPledge, BlocRanking, BlocScore)
