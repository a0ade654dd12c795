app_name = "scans"

urlpatterns = []
